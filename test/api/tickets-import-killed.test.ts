import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importTickets, listTicketImports, loadTicketsForSla } from '../../src/server/modules/tickets/tickets.public.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { BIN, cleanEnv, tempDir } from '../cli/helpers.ts';

// Issue 10: an import killed mid-way — the CLI's process ended with SIGKILL while it saves,
// its new and changed tickets written but not committed — leaves the previous tickets
// exactly as they were. Needs a PostgreSQL server (another process must reach the database).
const url = inject('databaseUrl') ?? undefined;
let t: TestApp;
let org: OrgHandle;
beforeAll(async () => {
  if (!url) return;
  t = await createTestApp();
  org = await anOrg({ db: t.database.db, config: t.config });
});
afterAll(() => t?.close());

const ROWS = (n: number, from: number, opened: string) => Array.from({ length: n }, (_, i) => `INC${from + i},${opened},Resolved,3 - Moderate`).join('\n');
const HEADER = 'number,opened_at,state,priority';

describe.skipIf(!url)('ticket import killed mid-way (PostgreSQL)', () => {
  it('SIGKILL while saving leaves the stored tickets and the import history as they were', async () => {
    const eng = await anEngagement(org);
    const ctx = org.ctx();
    await importTickets(ctx, Readable.from([Buffer.from(`${HEADER}\n${ROWS(2_000, 0, '2026-03-02 10:00')}\n`)]), { engagementId: eng.id, format: 'servicenow', timeZone: 'UTC' });
    const before = await loadTicketsForSla(ctx, eng.id);
    expect(before).toHaveLength(2_000);

    // The same tickets opened a day later, and 1,000 new ones.
    const file = path.join(tempDir('killed'), 'tickets.csv');
    writeFileSync(file, `${HEADER}\n${ROWS(3_000, 0, '2026-03-03 10:00')}\n`);

    // The import's last write, its record in ticket_imports, waits behind this lock: the
    // tickets are saved (uncommitted) when the CLI is found waiting there, and killed.
    const gate = new pg.Client({ connectionString: url });
    await gate.connect();
    let child: ReturnType<typeof spawn> | undefined;
    try {
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE ticket_imports IN SHARE MODE');
      child = spawn(process.execPath, [BIN, 'tickets', 'import', file, '--engagement', eng.id, '--format', 'servicenow', '--time-zone', 'UTC', '--as', org.owner.email, '--json'], {
        env: cleanEnv({ DATABASE_URL: url }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      child.stdout!.on('data', (d) => (stderr += d));
      const exited = once(child, 'exit');
      let waiting: number | null = null;
      for (let i = 0; i < 1_200 && waiting === null; i++) {
        // Inside the gate's transaction pg_stat_activity is a snapshot: take a fresh one.
        await gate.query('SELECT pg_stat_clear_snapshot()');
        const r = await gate.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into "ticket_imports"%'`,
        );
        waiting = r.rows[0]?.pid ?? null;
        if (waiting === null) {
          if (child.exitCode !== null) throw new Error(`the CLI ended before saving (exit ${child.exitCode}): ${stderr}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(waiting, 'the import reached its record while the lock was held').not.toBeNull();
      // The record comes after the tickets are written: they are in, uncommitted, when it dies.
      child.kill('SIGKILL');
      const [, signal] = await exited;
      expect(signal).toBe('SIGKILL');
      await gate.query('ROLLBACK');
      // The server ends the killed client's transaction once it notices the closed socket.
      for (let i = 0; i < 1_200; i++) {
        const r = await gate.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [waiting]);
        if (r.rowCount === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gate.end();
    }

    expect(await loadTicketsForSla(ctx, eng.id)).toEqual(before);
    const history = await listTicketImports(ctx, eng.id, { limit: 50 });
    expect(history.items).toHaveLength(1);
    expect(history.ticketCount).toBe(2_000);
  });
});
