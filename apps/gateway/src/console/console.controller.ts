import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Controller, Get, Inject, Next, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ASSET_NAME, CONSOLE_FOLDER } from './console-files';

/**
 * Like the explorer's: only this origin's scripts (the bundle has no inline script), only
 * this origin to talk to. Styles may be inline because Ant Design writes its CSS-in-JS into
 * <style> elements at run time; images and fonts may be data: URLs of the bundle.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Hashed file names change with their content, so a browser may keep them for a year. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/** Paths under /console that other controllers answer (sign-in, quality CSV): never the page. */
const NOT_THE_PAGE = /^\/console\/(auth|api)(\/|$)/;

/**
 * Serves the built console (apps/console, `npm run build`) under /console: hashed assets with
 * a long cache, and index.html for every other console path so the browser's router shows
 * the page (a reload of /console/runs/42 works).
 */
@Controller('console')
export class ConsoleController {
  constructor(@Inject(CONSOLE_FOLDER) private readonly folder: string) {}

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const file = join(this.folder, 'assets', name);
    if (!ASSET_NAME.test(name) || !existsSync(file))
      throw new NotFoundException(`No console asset ${name}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(file, { maxAge: ASSET_MAX_AGE_MS, immutable: true });
  }

  @Get(['', '*path'])
  page(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    if (NOT_THE_PAGE.test(req.path)) return next();
    const index = join(this.folder, 'index.html');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The console is not built yet: run `npm run build` in the repository.');
      return;
    }
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The page names the current hashed assets, so it is asked for again on every visit.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  }
}
