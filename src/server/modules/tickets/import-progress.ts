import type { TicketImportProgress } from '../../../shared/contracts/tickets.ts';
import type { ImportProgress } from './import-tickets.ts';

/**
 * Progress of the imports this server process runs, by the key the client chose when it
 * started one (the upload's `progressKey`, a random UUID), so it can poll while its upload
 * request is still open. The key is the capability: reading progress needs no session,
 * because on the embedded database a session lookup would wait for the import's own
 * transaction — the one thing being watched. What it tells (a phase and two counts) is
 * worth nothing without the key. Kept in memory for exactly as long as the import runs;
 * behind a load balancer a poll that reaches another server reads "not running", and the
 * client then only shows that the import is under way.
 */
const running = new Map<string, ImportProgress>();

/** Registers a running import under its key; the returned functions update and end it. A key in use is not taken over. */
export function trackImport(key: string | null | undefined): { update(p: ImportProgress): void; end(): void } {
  if (!key || running.has(key)) return { update() {}, end() {} };
  running.set(key, { phase: 'reading', rows: 0, rejected: 0 });
  return {
    update: (p) => void running.set(key, { ...p }),
    end: () => void running.delete(key),
  };
}

/** Where the import with this key is; "not running" when there is none (yet, any more, or on this server). */
export function importProgress(key: string): TicketImportProgress {
  const p = running.get(key);
  return p ? { running: true, phase: p.phase, rowsRead: p.rows, rejectedCount: p.rejected } : { running: false, phase: null, rowsRead: 0, rejectedCount: 0 };
}
