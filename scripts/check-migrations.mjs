// CI guard: the SQL migrations must match the Drizzle schema. drizzle-kit writes a new
// migration when they differ; any new or changed file under migrations/ fails the check.
import { execSync } from 'node:child_process';

execSync('npx drizzle-kit generate', { stdio: 'inherit' });
const changed = execSync('git status --porcelain -- src/server/db/migrations').toString().trim();
if (changed) {
  console.error(`The schema changed without a migration. Run "npm run db:generate" and commit:\n${changed}`);
  process.exit(1);
}
console.log('Migrations match the schema.');
