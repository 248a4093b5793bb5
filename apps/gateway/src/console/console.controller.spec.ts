import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CONSOLE_FOLDER, consoleBuildFolder } from './console-files';
import { ConsoleController } from './console.controller';

/** Stands for the people helper's sign-in routes, registered after the console's catch-all. */
@Controller('console/auth')
class SignInStandIn {
  @Get('me')
  me() {
    return { person: null, csrfToken: 't' };
  }
}

async function serve(folder: string): Promise<INestApplication> {
  const module = await Test.createTestingModule({
    controllers: [ConsoleController, SignInStandIn],
    providers: [{ provide: CONSOLE_FOLDER, useValue: folder }],
  }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('the console served under /console', () => {
  let folder: string;
  let app: INestApplication;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(folder, 'assets', 'index-AbC123.js'), 'console.log(1)');
    app = await serve(folder);
  });
  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers every console path with the page, so a reload of a deep link works', async () => {
    for (const path of ['/console', '/console/', '/console/runs/42', '/console/sources/x?y=1']) {
      const page = await request(app.getHttpServer()).get(path).expect(200);
      expect(page.text).toContain('<div id="root">');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the page with a policy allowing only its own scripts and its own origin', async () => {
    const page = await request(app.getHttpServer()).get('/console/overview').expect(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const asset = await request(app.getHttpServer())
      .get('/console/assets/index-AbC123.js')
      .expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('answers 404 for unknown or crafted asset names, never the page or another file', async () => {
    await request(app.getHttpServer()).get('/console/assets/nothing-123.js').expect(404);
    await request(app.getHttpServer()).get('/console/assets/..%2Findex.html').expect(404);
  });

  it('leaves /console/auth/* to the sign-in routes registered after it', async () => {
    const me = await request(app.getHttpServer()).get('/console/auth/me').expect(200);
    expect(me.body).toEqual({ person: null, csrfToken: 't' });
  });

  it('says how to build the console when it is not built, instead of a blank page', async () => {
    const empty = await serve(join(folder, 'missing'));
    const page = await request(empty.getHttpServer()).get('/console/').expect(503);
    expect(page.text).toContain('npm run build');
    await empty.close();
  });

  it('finds dist/console from the repository root, from source or built code alike', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    expect(consoleBuildFolder(__dirname)).toBe(join(root, 'dist', 'console'));
    expect(consoleBuildFolder(join(root, 'dist', 'apps', 'gateway', 'src', 'console'))).toBe(
      join(root, 'dist', 'console'),
    );
  });
});
