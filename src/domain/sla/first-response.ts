/**
 * Where a ticket's first response comes from, and how to say so.
 *
 * An export with a first-response value (a column, or Zendesk's minutes to first reply)
 * says when the ticket was first answered: that is "recorded" evidence, and the engine's
 * rule that resolving is a contact too applies (ticket.ts).
 *
 * An event log (one row per update, e.g. a ServiceNow audit log) has no such value: the
 * import infers it by the rule the ticket mapping chooses (`firstResponse`):
 *
 * - 'working-status' (the default): the first update whose status is not an opening
 *   status (`openingStatuses`, default "New"; after the mapping's status map, trimmed,
 *   case-insensitive). A ticket first recorded in a working status ("opened already
 *   Active") is answered at that first record: someone already took it on. A ticket that
 *   goes from New straight to Resolved never shows a response.
 * - 'assignment': the first update that names an assignee (the mapped `assignee` column,
 *   e.g. ServiceNow's assigned_to; map the assignment group there to count routing to a
 *   group). An assignee on the first record answers the ticket at that record.
 * - 'not-measured': the export cannot tell; first response is never measured.
 *
 * The engine then treats the inferred instant as evidence 'events': a resolve is NOT a
 * response (the log cannot say when, before it, someone answered), so a ticket resolved
 * with no inferred response strictly before its first resolve has its response "not
 * measured" — neither met nor breached, and counted apart in reports. An open ticket
 * without one is still waiting: its response clock runs.
 *
 * The import applies the rule in SQL (tickets module, ticket-staging.repo.ts), over all
 * rows of a ticket at once; the words below are what the ticket timeline shows.
 */
import type { ResponseEvidence } from './ticket.ts';

export const FIRST_RESPONSE_RULES = ['working-status', 'assignment', 'not-measured'] as const;
export type FirstResponseRule = (typeof FIRST_RESPONSE_RULES)[number];
export const DEFAULT_FIRST_RESPONSE_RULE: FirstResponseRule = 'working-status';
export const DEFAULT_OPENING_STATUSES: readonly string[] = ['New'];

/** The engine's evidence for a ticket whose first response came from `rule` (null: recorded in the export). */
export function evidenceOf(rule: FirstResponseRule | null | undefined): ResponseEvidence {
  if (rule === 'not-measured') return 'none';
  return rule ? 'events' : 'recorded';
}

/** The opening statuses, normalised as the import compares them. */
export function openingStatusSet(statuses: readonly string[] | undefined): string[] {
  return [...new Set((statuses ?? DEFAULT_OPENING_STATUSES).map((s) => s.trim().toLowerCase()).filter(Boolean))];
}

/** What a ticket's response instant was taken from (or why there is none). */
export type ResponseSourceKind =
  | 'recorded' // the export's first-response value
  | 'resolved' // recorded evidence, resolved before any recorded response: the resolve stopped the clock
  | 'opened-working' // first recorded already in a working status
  | 'left-opening' // the first update that left the opening status
  | 'assigned-at-open' // an assignee on the first record
  | 'assigned' // the first update naming an assignee
  | 'waiting' // open, no response yet: the clock runs
  | 'not-measured';

export interface ResponseSource {
  readonly kind: ResponseSourceKind;
  /** The response instant (epoch ms); null for waiting / not measured. */
  readonly at: number | null;
  /** The status the ticket was in at the response (status rule), else null. */
  readonly status: string | null;
  /** The status the ticket was first recorded in (event logs), else null. */
  readonly openingStatus: string | null;
  /** For not-measured: which evidence was missing. */
  readonly reason: 'no-working-status' | 'no-assignment' | 'not-in-export' | null;
}

export interface ResponseFacts {
  readonly rule: FirstResponseRule | null;
  /** The ticket's firstResponseAt as stored. */
  readonly firstResponseAt: number | null;
  /** Status changes in time order. */
  readonly history: ReadonlyArray<{ readonly atMs: number; readonly status: string }>;
  /** The verdict's respondedAt and response.measured. */
  readonly respondedAt: number | null;
  readonly measured: boolean;
}

/** Says what the verdict's response instant was taken from, from the facts the verdict rests on. */
export function responseSource(f: ResponseFacts): ResponseSource {
  const opening = f.history[0]?.status ?? null;
  const none = { at: null, status: null, openingStatus: f.rule ? opening : null } as const;
  if (!f.measured) {
    const reason = f.rule === 'assignment' ? 'no-assignment' : f.rule === 'working-status' ? 'no-working-status' : 'not-in-export';
    return { kind: 'not-measured', ...none, reason };
  }
  const at = f.respondedAt;
  if (at === null) return { kind: 'waiting', ...none, reason: null };
  if (!f.rule) return { kind: at === f.firstResponseAt ? 'recorded' : 'resolved', at, status: null, openingStatus: null, reason: null };
  const first = f.history[0];
  const atFirst = first !== undefined && first.atMs === at;
  if (f.rule === 'assignment') return { kind: atFirst ? 'assigned-at-open' : 'assigned', at, status: null, openingStatus: opening, reason: null };
  // The status rule: the update at the response instant that is not in the opening status.
  const there = f.history.filter((e) => e.atMs === at);
  const status = (there.find((e) => e.status !== opening) ?? there[0])?.status ?? null;
  return { kind: atFirst ? 'opened-working' : 'left-opening', at, status, openingStatus: opening, reason: null };
}
