import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort, launchServer, ROOT, type RunningServer } from './launch.ts';

export const DEMO_OWNER = { email: 'owner@demo.outsight.test', password: 'outsight-demo' };
export const DEMO_CONTACT = { email: 'contact@demo.outsight.test', password: 'outsight-demo' };

export { freePort, ROOT, type RunningServer };

/** The server serves dist/web; build it once if a previous step has not. */
function ensureWebBuild(): void {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Start the real server (the bundle `npm start` runs, built by the global setup) on a free
 * port (or `extraEnv.PORT`) with its own copy of the demo data directory the global setup
 * seeded once, so no spec pays for seeding the demo. A spec that names its own
 * `OUTSIGHT_DATA_DIR` gets the demo copied there the first time and keeps it after; one that
 * sets `OUTSIGHT_DEMO=0` starts on an empty database.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  // For debugging a spec against a server you already run (with demo data): OUTSIGHT_E2E_BASE_URL=http://localhost:3000
  const external = process.env.OUTSIGHT_E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), stop: async () => {}, output: () => '' };
  ensureWebBuild();
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort();
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'outsight-e2e-'));
  const dataDir = extraEnv.OUTSIGHT_DATA_DIR ?? path.join(dataRoot, 'data');
  // OUTSIGHT_DEMO=0: an empty database, set up by the spec itself (no demo copied).
  const seeded = extraEnv.OUTSIGHT_DEMO === '0' ? null : inject('e2eDemoDir');
  if (seeded && !existsSync(dataDir)) cpSync(seeded, dataDir, { recursive: true });
  const server = await launchServer({ PORT: String(port), OUTSIGHT_DATA_DIR: dataDir, ...extraEnv });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

