#!/usr/bin/env node
// The package's `outsight` bin. The CLI is TypeScript run through tsx, like the server,
// so there is no build step; main.ts is resolved from this file, not from the cwd, so
// `npx outsight` works anywhere.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
