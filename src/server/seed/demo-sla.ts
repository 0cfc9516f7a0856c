import { Readable } from 'node:stream';
import { TicketMapping } from '../../shared/contracts/tickets.ts';
import { mulberry32 } from '../../shared/prng.ts';
import type { Ctx } from '../context.ts';
import { importTickets } from '../modules/tickets/tickets.public.ts';
import type { OrgHandle } from './builders/core.ts';
import { aCalendar, anOutage, anSlaPolicy } from './builders/sla.ts';

const H = 3_600_000;
const D = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
};

/**
 * Six months of service-desk tickets as a ServiceNow list export, imported through the
 * real import path: mostly within target, with a bad month so breaches and a credit show.
 */
function ticketExport(now: number): string {
  const r = mulberry32(20_260_101);
  const lines = ['number,short_description,priority,state,opened_at,responded_at,resolved_at,sys_updated_on'];
  const subjects = ['Laptop will not boot', 'VPN drops every hour', 'Password reset', 'Outlook keeps asking for credentials', 'Printer on floor 2 offline', 'New starter needs access', 'Teams calls choppy', 'ERP login error', 'Shared drive full', 'Phone not syncing mail'];
  const prios = ['1 - Critical', '2 - High', '3 - Moderate', '3 - Moderate', '3 - Moderate', '4 - Low', '4 - Low'];
  const start = now - 182 * D;
  for (let i = 0; i < 1400; i++) {
    const opened = start + Math.floor(r() * 180 * D);
    const prio = prios[Math.floor(r() * prios.length)];
    const month = new Date(opened).getUTCMonth();
    // One bad month (staff turnover at the vendor): resolution takes three times as long.
    const slow = month === new Date(now - 60 * D).getUTCMonth() ? 3 : 1;
    const base = prio.startsWith('1') ? 3 * H : prio.startsWith('2') ? 6 * H : prio.startsWith('3') ? 20 * H : 40 * H;
    const took = Math.floor(base * slow * (0.2 + r() * 1.4));
    const respondIn = Math.floor((prio.startsWith('1') ? 20 : prio.startsWith('2') ? 45 : 120) * 60_000 * (0.3 + r() * 1.2));
    const resolved = opened + took;
    const open = resolved > now - 2 * D && r() < 0.5;
    lines.push(`INC${String(10_000 + i)},${subjects[Math.floor(r() * subjects.length)]},${prio},${open ? 'In Progress' : 'Resolved'},${stamp(opened)},${stamp(opened + respondIn)},${open ? '' : stamp(resolved)},${stamp(open ? opened : resolved)}`);
  }
  return lines.join('\n') + '\n';
}

/** The demo organisation as the builders take it: every object is made by the seed's own context. */
export function demoOrg(ctx: Ctx): OrgHandle {
  const a = ctx.actor;
  return {
    world: { db: ctx.db, config: ctx.config, now: () => ctx.now },
    orgId: a.orgId,
    name: 'demo',
    owner: { id: a.userId, email: a.email, name: a.name, role: a.role, vendorId: a.vendorId, disabled: false, createdAt: ctx.now.toISOString() },
    ctx: () => ctx,
  };
}

/** A calendar, an SLA policy, tickets and outages for the 24/7 service desk. */
export async function seedDemoSla(ctx: Ctx, engagementId: string) {
  const org = demoOrg(ctx);
  const week = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [String(d), [{ from: '08:00', to: '18:00' }]]));
  const cal = await aCalendar(org, {
    name: 'Dublin service desk hours',
    timeZone: 'Europe/Dublin',
    week,
    holidays: ['2026-01-01', '2026-02-02', '2026-03-17', '2026-04-06', '2026-05-04', '2026-06-01', '2026-08-03', '2026-10-26', '2026-12-25', '2026-12-28'],
  });
  const minutes = (m: number) => ({ ms: m * 60_000, clock: 'business' as const });
  await anSlaPolicy(org, {
    engagementId,
    calendarId: cal.id,
    priorities: {
      P1: { response: { ms: 30 * 60_000, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 },
      P2: { response: minutes(60), resolution: minutes(8 * 60), monthlyAttainment: 0.9 },
      P3: { response: minutes(4 * 60), resolution: minutes(3 * 10 * 60), monthlyAttainment: 0.9 },
      P4: { response: minutes(10 * 60), resolution: minutes(5 * 10 * 60), monthlyAttainment: 0.85 },
    },
    pauseStatuses: ['Awaiting User Info', 'On Hold'],
    resolvedStatuses: ['Resolved', 'Closed'],
    availability: { target: 0.999, credits: [{ shortfallOver: 0, creditPct: 5 }, { shortfallOver: 0.004, creditPct: 10 }] },
    attainmentCredits: [{ shortfallOver: 0, creditPct: 2 }, { shortfallOver: 0.1, creditPct: 5 }],
    creditCapPct: 15,
    monthlyFeeMinor: 4_800_000,
  });
  const now = ctx.now.getTime();
  // The vendor's own export, with a first-response column, read through a generic mapping:
  // what a customer of HelpPoint would actually upload.
  const mapping = TicketMapping.parse({
    shape: 'tickets',
    columns: { externalId: 'number', title: 'short_description', priority: 'priority', status: 'state', openedAt: 'opened_at', firstResponseAt: 'responded_at', resolvedAt: 'resolved_at', eventAt: 'sys_updated_on' },
    dateOrder: 'ymd',
    timeZone: 'Europe/Dublin',
    priorityMap: { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4' },
  });
  await importTickets(ctx, Readable.from([Buffer.from(ticketExport(now))]), { engagementId, format: 'generic', mapping, fileName: 'helppoint-incidents.csv' });
  const day = (n: number, h: number) => new Date(Math.floor((now - n * D) / D) * D + h * H).toISOString();
  await anOutage(org, { engagementId, startAt: day(40, 9), endAt: day(40, 11), planned: false, description: 'Ticketing tool unavailable' });
  await anOutage(org, { engagementId, startAt: day(75, 2), endAt: day(75, 6), planned: true, description: 'Planned upgrade' });
}
