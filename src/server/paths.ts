import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root (the folder of package.json), found from wherever this code runs:
 * `src/server/` under tsx in development and tests, or the bundle `dist/server/main.mjs`
 * that `npm start` runs. Files the server reads at run time are named from here.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = path.join(ROOT, 'src/server/db/migrations');
export const WEB_DIR = path.join(ROOT, 'dist/web');
export const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/outsight');
