import { join, resolve } from 'node:path';

/** Project root (scripts/services/ is two levels down). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Git-ignored folder for downloads, unpacked distributions and service data. */
export const CACHE_DIR = join(PROJECT_ROOT, '.cache');
