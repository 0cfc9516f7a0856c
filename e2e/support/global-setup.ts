import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, launchServer, ROOT } from './launch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory holding the seeded demo, copied by every spec's server. */
    e2eDemoDir: string | null;
  }
}

/**
 * Once per browser run: bundle the server as `npm start` does, and seed the demo into one
 * data directory by a real first start (migrations, then the demo through the services).
 * Each spec copies that directory instead of seeding its own: the demo grows with every
 * module, and seeding it per spec was a large share of the suite's time.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (process.env.OUTSIGHT_E2E_BASE_URL) {
    project.provide('e2eDemoDir', null);
    return;
  }
  const root = mkdtempSync(path.join(tmpdir(), 'outsight-e2e-demo-'));
  const dataDir = path.join(root, 'data');
  const server = await launchServer({ PORT: String(await freePort()), OUTSIGHT_DATA_DIR: dataDir });
  await server.stop();
  project.provide('e2eDemoDir', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
