// Bundles a TypeScript entry point into one ES module for plain node. Running a bundle
// instead of going through tsx keeps the TypeScript loader out of the process: the server
// saves about 80 MB of idle RSS, the CLI about three seconds of start-up per command
// (docs/PERFORMANCE.md). esbuild takes well under a second.
import { build } from 'esbuild';

export async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies stay in node_modules: PGlite, argon2 and pino load their own files.
    packages: 'external',
    logLevel: 'warning',
  });
}
