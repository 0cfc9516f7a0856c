// CI guard: every package in the lockfile must run on the oldest Node.js that package.json
// allows, so `npm ci` on that Node prints no EBADENGINE warning and nothing fails later.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const semver = createRequire(import.meta.url)('semver');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const oldest = semver.minVersion(pkg.engines.node).version;
const bad = Object.entries(lock.packages)
  .filter(([name, p]) => name && p.engines?.node && !p.optional && !semver.satisfies(oldest, p.engines.node))
  .map(([name, p]) => `${name.replace(/^node_modules\//, '')} needs Node ${p.engines.node}`);
if (bad.length) {
  console.error(`package.json allows Node ${pkg.engines.node}, but on ${oldest}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`Every locked package runs on Node ${oldest} (engines ${pkg.engines.node}).`);
