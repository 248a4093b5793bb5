import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

type Asset = { type: string } & ({ file: string } | { text: string });

/** Starts GraphiQL; a file of its own, not inline, so the page's CSP allows no inline script. */
const START = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const query = '# Union catalogue search, with or without diacritics\\n{\\n  search(query: "lich su viet nam", first: 5) {\\n    totalCount\\n    works { id representative { title creators year } holdings { libraryName callNumber } }\\n  }\\n}\\n';
ReactDOM.createRoot(document.getElementById('explorer')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: query, shouldPersistHeaders: true }),
);
`;

/**
 * Everything the explorer loads comes from the gateway, so the policy allows this origin
 * only: no inline or remote script, nothing but /graphql to talk to, and no other site may
 * frame it (clickjacking a staff member holding a key). Styles may be inline (GraphiQL and
 * CodeMirror set them); its fonts and icons are data: URLs in its CSS.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A GraphQL explorer (GraphiQL) served entirely by the gateway: library intranets are often
 * closed, and the default Apollo landing page loads from a CDN. Its scripts come from the
 * installed npm packages; only this fixed list is served.
 */
const ASSETS: Record<string, Asset> = {
  'explorer.js': { text: START, type: 'text/javascript' },
  'react.js': {
    file: join(dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.js': {
    file: join(
      dirname(require.resolve('react-dom/package.json')),
      'umd',
      'react-dom.production.min.js',
    ),
    type: 'text/javascript',
  },
  'graphiql.js': {
    file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    type: 'text/javascript',
  },
  'graphiql.css': {
    file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
    type: 'text/css',
  },
};

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Hợp Lưu — GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
</head>
<body>
  <div id="explorer"></div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script src="/explorer/assets/explorer.js"></script>
</body>
</html>`;

@Controller('explorer')
export class ExplorerController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  @Header('X-Frame-Options', 'DENY')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  page(): string {
    return PAGE;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException(`No explorer asset ${name}`);
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if ('text' in asset) res.send(asset.text);
    else createReadStream(asset.file).pipe(res);
  }
}
