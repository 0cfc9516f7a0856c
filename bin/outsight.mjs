#!/usr/bin/env node
// The package's `outsight` bin. It runs dist/cli/main.mjs (the CLI bundled by
// scripts/build-cli.mjs, which `npm ci` builds) while that bundle is newer than every
// source file, because a bundle starts about three seconds sooner than the TypeScript
// through tsx; after a source edit it runs the TypeScript, so it is never stale. Paths are
// resolved from this file, not from the cwd, so `npx outsight` works anywhere.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundled = new URL('dist/cli/main.mjs', root);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (existsSync(bundled) && statSync(bundled).mtimeMs >= newestSource(new URL('src/', root))) {
  await import(bundled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/cli/main.ts', root).href);
}
