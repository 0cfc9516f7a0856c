import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEMO_OWNER = { email: 'owner@demo.outsight.test', password: 'outsight-demo' };
export const DEMO_CONTACT = { email: 'contact@demo.outsight.test', password: 'outsight-demo' };

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
  /** Everything the server printed, for failure messages. */
  output: () => string;
}

/** A port nothing listens on right now (for a spec that must know the server's address before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves dist/web; build it once if a previous step has not. */
function ensureWebBuild(): void {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) {
        const body = (await res.json()) as { status?: string };
        if (body.status === 'ok') return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server was not healthy after ${timeoutMs / 1000} s:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal); // npx → tsx → node: end the whole group
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Start the real server on a free port (or `extraEnv.PORT`) with a fresh data directory and the demo data. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  // For debugging a spec against a server you already run (with demo data): OUTSIGHT_E2E_BASE_URL=http://localhost:3000
  const external = process.env.OUTSIGHT_E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), stop: async () => {}, output: () => '' };
  ensureWebBuild();
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort();
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'outsight-e2e-'));
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      OUTSIGHT_DATA_DIR: path.join(dataRoot, 'data'),
      OUTSIGHT_DEMO: '1',
      NODE_ENV: 'test',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log.slice(-8000);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataRoot, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output, 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, stop, output };
}
