// Bundles the server into dist/server/main.mjs for `npm start`; every start rebuilds it,
// so it can never be stale.
import { bundle } from './bundle.mjs';

await bundle('src/server/main.ts', 'dist/server/main.mjs');
