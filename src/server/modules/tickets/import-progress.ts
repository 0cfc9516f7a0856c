import type { TicketImportProgress } from '../../../shared/contracts/tickets.ts';
import type { Ctx } from '../../context.ts';
import type { ImportProgress } from './import-tickets.ts';
import { ticketImportPolicy } from './tickets.policy.ts';

/**
 * Progress of the imports this server process runs, by the key the client chose when it
 * started one (the upload's `progressKey`), so it can poll while its upload request is
 * still open. Kept in memory: it lives exactly as long as the import, and behind a load
 * balancer a poll that reaches another server reads "not running" (the client then shows
 * only that the import is under way). Keys are scoped to the person who started the
 * import: nobody else reads its progress.
 */
const running = new Map<string, ImportProgress>();

const slot = (ctx: Ctx, key: string) => `${ctx.actor.orgId}|${ctx.actor.userId}|${key}`;

/** Registers a running import under its key; the returned functions update and end it. */
export function trackImport(ctx: Ctx, key: string | null | undefined): { update(p: ImportProgress): void; end(): void } {
  if (!key) return { update() {}, end() {} };
  const at = slot(ctx, key);
  running.set(at, { phase: 'reading', rows: 0, rejected: 0 });
  return {
    update: (p) => void running.set(at, { ...p }),
    end: () => void running.delete(at),
  };
}

/** Where the caller's import with this key is; "not running" when there is none. */
export function importProgress(ctx: Ctx, key: string): TicketImportProgress {
  ticketImportPolicy.check(ctx.actor, 'create');
  const p = running.get(slot(ctx, key));
  return p ? { running: true, phase: p.phase, rowsRead: p.rows, rejectedCount: p.rejected } : { running: false, phase: null, rowsRead: 0, rejectedCount: 0 };
}
