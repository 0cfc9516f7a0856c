// Bundles the server into dist/server/main.mjs for `npm start`. Running that bundle with
// plain node instead of through tsx keeps the TypeScript loader out of the server's
// memory (about 80 MB of an idle server's RSS, docs/PERFORMANCE.md); esbuild takes well
// under a second, so every start rebuilds it and it can never be stale.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules: PGlite, argon2 and pino load their own files.
  packages: 'external',
  logLevel: 'warning',
});
