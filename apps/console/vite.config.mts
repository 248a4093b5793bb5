import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The gateway the dev server forwards API calls to (`npm run console:dev`). */
const gateway = 'http://127.0.0.1:3000';

// The gateway serves the build under /console (apps/gateway/src/console).
export default defineConfig({
  root: here,
  base: '/console/',
  build: {
    outDir: `${here}../../dist/console`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Everything ships inside the bundle: the intranet has no CDN and no outside fonts.
    assetsInlineLimit: 8192,
    chunkSizeWarningLimit: 900,
    reportCompressedSize: true,
    // .vite/manifest.json: which chunks each page loads (first-load size, bench:console).
    manifest: true,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': gateway,
      '/console/auth': gateway,
      '/console/api': gateway,
    },
  },
});
