import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where `npm run build` puts the console: `<repository>/dist/console`. The gateway runs from
 * `apps/gateway/src` (ts-node, tests) or from `dist/apps/gateway/src` (built), so the folder is
 * found from the nearest package.json above this file rather than a fixed depth.
 */
export function consoleBuildFolder(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return join(from, 'console');
    folder = parent;
  }
  return join(folder, 'dist', 'console');
}

/** Built asset names are `<name>-<hash>.<ext>`, flat: anything else is refused before the disk is asked. */
export const ASSET_NAME = /^[\w-]+\.(js|css|svg|png|woff2?)$/;

/** The folder the console is served from (tests serve one of their own). */
export const CONSOLE_FOLDER = Symbol('CONSOLE_FOLDER');
