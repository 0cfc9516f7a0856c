// Bundles the CLI into dist/cli/main.mjs, which bin/outsight.mjs runs while it is newer
// than every source file (npm ci builds it; the test suite builds it before it starts).
import { bundle } from './bundle.mjs';

await bundle('src/cli/main.ts', 'dist/cli/main.mjs');
