import { Readable } from 'node:stream';
import { mulberry32 } from '../../shared/prng.ts';
import type { Ctx } from '../context.ts';
import { importTickets } from '../modules/tickets/tickets.public.ts';
import { aCalendar, anSlaPolicy } from './builders/sla.ts';
import { demoOrg } from './demo-sla.ts';

const H = 3_600_000;
const D = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** ServiceNow's event-log stamp: day first, minutes. */
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/**
 * A ServiceNow audit log (one row per update) of an on-call desk: tickets opened New and
 * taken on later, tickets opened straight into Active, and tickets that go from New straight
 * to Resolved — whose first response the log cannot tell ("not measured").
 */
export function onCallEventLog(now: number, prefix: string, count: number): string {
  const r = mulberry32(20_261_204);
  const lines = ['number,incident_state,sys_mod_count,priority,opened_at,sys_updated_at,assigned_to,resolved_at'];
  const prios = ['2 - High', '3 - Moderate', '3 - Moderate', '4 - Low'];
  const start = now - 120 * D;
  for (let i = 0; i < count; i++) {
    const opened = start + Math.floor(r() * 115 * D);
    const prio = prios[Math.floor(r() * prios.length)];
    const who = `Agent ${1 + Math.floor(r() * 6)}`;
    const kind = r();
    const resolved = opened + Math.floor((2 + r() * 40) * H);
    const rows: Array<[string, number, string]> = [];
    if (kind < 0.3) {
      // Logged by the agent who took the call: opened already Active.
      rows.push(['Active', opened, who]);
    } else if (kind < 0.75) {
      // New, taken on after a while (sometimes too long).
      const takenOn = opened + Math.floor((0.2 + r() * 7) * H);
      rows.push(['New', opened, '?'], ['Active', Math.min(takenOn, resolved - H), who]);
    } else {
      // New straight to Resolved: the log cannot say when anyone first answered.
      rows.push(['New', opened, '?']);
    }
    rows.push(['Resolved', resolved, who]);
    rows.forEach(([state, at, assignee], seq) => {
      lines.push([`${prefix}${String(30_000 + i)}`, state, String(seq), prio, stamp(opened), stamp(at), assignee, state === 'Resolved' ? stamp(resolved) : '?'].join(','));
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * First response from an event log, and tickets imported before a policy exists:
 * - Brightline's "Out-of-hours on-call": an SLA policy with response targets, then its
 *   ServiceNow audit log, so the report counts responses not measured and each ticket's
 *   timeline says what its response was taken from;
 * - Brightline's "Network and server operations": incidents imported but no SLA policy yet —
 *   the SLA tab shows how many wait to be measured, with the import history and the prompt.
 * (HelpPoint's "Onboarding and offboarding" stays without tickets or policy: browser tests
 * set it up from nothing.)
 */
export async function seedDemoFirstResponse(ctx: Ctx, engagementIds: ReadonlyMap<string, string>) {
  const org = demoOrg(ctx);
  const now = ctx.now.getTime();
  const onCall = engagementIds.get('Out-of-hours on-call');
  if (onCall) {
    const week = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), [{ from: '00:00', to: '24:00' }]]));
    const cal = await aCalendar(org, { name: 'On-call, round the clock', timeZone: 'UTC', week });
    const business = (h: number) => ({ ms: h * H, clock: 'business' as const });
    await anSlaPolicy(org, {
      engagementId: onCall,
      calendarId: cal.id,
      priorities: {
        P2: { response: business(2), resolution: business(24), monthlyAttainment: 0.85 },
        P3: { response: business(4), resolution: business(36), monthlyAttainment: 0.85 },
        P4: { response: business(8), resolution: business(48), monthlyAttainment: 0.8 },
      },
      pauseStatuses: ['Awaiting User Info'],
      resolvedStatuses: ['Resolved', 'Closed'],
      currency: 'EUR',
      attainmentCredits: [{ shortfallOver: 0, creditPct: 2 }],
      monthlyFeeMinor: 950_000,
    });
    await importTickets(ctx, Readable.from([Buffer.from(onCallEventLog(now, 'OOH', 90))]), { engagementId: onCall, format: 'servicenow-events', fileName: 'on-call-audit-log.csv' });
  }
  const network = engagementIds.get('Network and server operations');
  if (network) {
    // Exported by the vendor before anyone set up the SLA policy.
    await importTickets(ctx, Readable.from([Buffer.from(onCallEventLog(now, 'NET', 40))]), { engagementId: network, format: 'servicenow-events', fileName: 'network-incidents.csv' });
  }
}
