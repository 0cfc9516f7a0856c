/**
 * How many UCI incidents get each first-response source under each rule of
 * src/domain/sla/first-response.ts, imported through the real import (PGlite), and how
 * many count as breached on response under the demo's service-desk policy (response
 * P1 30 min, P2 1 h, P3 4 h, P4 10 h; Mon–Fri 08–18, Dublin). Recorded in the README.
 *
 * `npx tsx bench/uci-first-response.ts` (about a minute per rule).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { compileCalendar } from '../src/domain/sla/calendar.ts';
import { FIRST_RESPONSE_RULES, responseSource } from '../src/domain/sla/first-response.ts';
import type { SlaPolicy } from '../src/domain/sla/policy.ts';
import { evaluateTicket, type TicketVerdict } from '../src/domain/sla/ticket.ts';
import { toTicketInput } from '../src/server/modules/sla/sla.measure.ts';
import { importTickets, loadTicketsForSla } from '../src/server/modules/tickets/tickets.public.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { engagements } from '../src/server/db/schema.ts';
import { insertEngagement } from '../src/server/modules/engagements/engagements.repo.ts';
import { tenant } from './ticket-import.ts';

const UCI = path.resolve('../shared/data/uci-incident-event-log/incident_event_log.csv.gz');
const H = 3_600_000;
const business = (m: number) => ({ ms: m * 60_000, clock: 'business' as const });
const POLICY: SlaPolicy = {
  calendarId: 'cal',
  priorities: {
    P1: { response: { ms: 30 * 60_000, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' } },
    P2: { response: business(60), resolution: business(8 * 60) },
    P3: { response: business(4 * 60), resolution: business(30 * 60) },
    P4: { response: business(10 * 60), resolution: business(50 * 60) },
  },
  pauseStatuses: ['Awaiting User Info'],
  resolvedStatuses: ['Resolved', 'Closed'],
};
const calendars = { cal: compileCalendar({ timeZone: 'Europe/Dublin', week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from: '08:00', to: '18:00' }]])) }) };

const database = await openDatabase({ kind: 'pglite', dataDir: null });
await database.migrate();
try {
  const { ctx } = await tenant(database);
  const vendorId = (await database.db.select({ id: engagements.vendorId }).from(engagements).limit(1))[0].id;
  for (const rule of FIRST_RESPONSE_RULES) {
    const e = await insertEngagement(database.db, { orgId: ctx.actor.orgId, vendorId, name: `UCI ${rule}`, serviceType: 'service_desk', criticality: 'high', status: 'active' });
    await importTickets(ctx, createReadStream(UCI), { engagementId: e.id, format: 'servicenow-events', firstResponse: rule });
    const tickets = await loadTicketsForSla(ctx, e.id);
    const kinds = new Map<string, number>();
    let responseBreached = 0;
    let responseOnly = 0;
    for (const tk of tickets) {
      const v = evaluateTicket(POLICY, calendars, toTicketInput(tk), Date.UTC(2018, 0, 1));
      if (v.problem !== null) {
        kinds.set('problem', (kinds.get('problem') ?? 0) + 1);
        continue;
      }
      const verdict = v as TicketVerdict;
      const s = responseSource({ rule: tk.firstResponseSource, firstResponseAt: tk.firstResponseAt, history: tk.history.map(([atMs, status]) => ({ atMs, status })), respondedAt: verdict.respondedAt, measured: verdict.response.measured });
      kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
      if (verdict.response.breached) responseBreached++;
      if (verdict.response.breached && !verdict.resolution.breached) responseOnly++;
    }
    console.log(`${rule}: ${tickets.length} tickets; ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; response breached ${responseBreached} (on response alone ${responseOnly})`);
  }
} finally {
  await database.close();
}
