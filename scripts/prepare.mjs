// Runs at the end of `npm ci` / `npm install` (the package's own prepare script): builds the
// web UI, the CLI bundle and the migrated template of the embedded database, so the first
// `npm start` only has to open it and `npx outsight` starts without the TypeScript loader.
// Skipped where the dev tools are not installed (a production install).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/vite') || !existsSync('node_modules/tsx')) {
  console.log('outsight: dev tools not installed; the web UI and the database template are built at first start.');
  process.exit(0);
}
execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['--import', 'tsx/esm', '-e', "await (await import('./src/server/db/template.ts')).ensureTemplate()"], { stdio: 'inherit' });
