// Builds the web UI when dist/web is missing or older than its sources, so that
// `npm start` on a fresh clone serves the UI without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const out = 'dist/web/index.html';
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const sources = Math.max(newest('src/web'), newest('src/shared'), statSync('vite.config.ts').mtimeMs);
if (!existsSync(out) || statSync(out).mtimeMs < sources) {
  console.log('Building the web UI…');
  execSync('npx vite build --config vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
