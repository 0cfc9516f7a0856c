/**
 * How often the engine's breach verdict agrees with ServiceNow's own `made_sla` column
 * in the UCI event log, under documented candidate policies. Recorded, not asserted:
 * the real targets, calendar and time zone behind `made_sla` are not in the data.
 *
 * `npx tsx bench/uci-made-sla.ts` prints a table; the test suite runs it once too.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { CALENDAR_24X7, compileCalendar, type CalendarSpec } from '../src/domain/sla/calendar.ts';
import type { SlaPolicy } from '../src/domain/sla/policy.ts';
import { evaluateTicket } from '../src/domain/sla/ticket.ts';
import { mappingFor } from '../src/domain/tickets/mapping.ts';
import { rowNormaliser, type TicketEvent } from '../src/domain/tickets/rows.ts';

export const UCI_PATH = new URL('../../shared/data/uci-incident-event-log/incident_event_log.csv.gz', import.meta.url).pathname;
const H = 3_600_000;

interface Incident {
  events: TicketEvent[];
  madeSla: boolean;
  lastMod: number;
}

/** Reads the log into incidents with their events and their last row's made_sla. */
export async function readUci(path = UCI_PATH): Promise<Map<string, Incident>> {
  const incidents = new Map<string, Incident>();
  let normalise: ReturnType<typeof rowNormaliser> | null = null;
  let madeIdx = -1;
  let modIdx = -1;
  let line = 1;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path).pipe(createGunzip()) as unknown as File, {
      step: (r) => {
        const cells = r.data;
        if (!normalise) {
          normalise = rowNormaliser(cells, mappingFor('servicenow-events', {}));
          madeIdx = cells.indexOf('made_sla');
          modIdx = cells.indexOf('sys_mod_count');
          return;
        }
        line++;
        const ev = normalise(cells, line, () => {});
        if (!ev) return;
        const inc = incidents.get(ev.externalId) ?? { events: [], madeSla: true, lastMod: -1 };
        inc.events.push(ev);
        const mod = Number(cells[modIdx]);
        if (mod >= inc.lastMod) {
          inc.lastMod = mod;
          inc.madeSla = cells[madeIdx] === 'true';
        }
        incidents.set(ev.externalId, inc);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  return incidents;
}

const weekdays9to17: CalendarSpec = {
  timeZone: 'UTC',
  week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from: '08:00', to: '17:00' }]])),
};

/** Candidate policies, each a plausible reading of ServiceNow's out-of-the-box SLAs. */
export const CANDIDATES: Array<{ name: string; calendar: CalendarSpec; policy: SlaPolicy }> = [
  {
    name: 'resolution P1 8 h, P2 24 h, P3 3 d, P4 5 d; 24×7; pauses on Awaiting User Info/Evidence/Problem',
    calendar: CALENDAR_24X7,
    policy: {
      calendarId: 'cal',
      priorities: { P1: { resolution: { ms: 8 * H, clock: 'calendar' } }, P2: { resolution: { ms: 24 * H, clock: 'calendar' } }, P3: { resolution: { ms: 72 * H, clock: 'calendar' } }, P4: { resolution: { ms: 120 * H, clock: 'calendar' } } },
      pauseStatuses: ['Awaiting User Info', 'Awaiting Evidence', 'Awaiting Problem'],
      resolvedStatuses: ['Resolved', 'Closed'],
    },
  },
  {
    name: 'same targets, no pauses',
    calendar: CALENDAR_24X7,
    policy: {
      calendarId: 'cal',
      priorities: { P1: { resolution: { ms: 8 * H, clock: 'calendar' } }, P2: { resolution: { ms: 24 * H, clock: 'calendar' } }, P3: { resolution: { ms: 72 * H, clock: 'calendar' } }, P4: { resolution: { ms: 120 * H, clock: 'calendar' } } },
      pauseStatuses: [],
      resolvedStatuses: ['Resolved', 'Closed'],
    },
  },
  {
    name: 'resolution P1 4 h, P2 8 h, P3 24 h, P4 48 h; 24×7; no pauses',
    calendar: CALENDAR_24X7,
    policy: {
      calendarId: 'cal',
      priorities: { P1: { resolution: { ms: 4 * H, clock: 'calendar' } }, P2: { resolution: { ms: 8 * H, clock: 'calendar' } }, P3: { resolution: { ms: 24 * H, clock: 'calendar' } }, P4: { resolution: { ms: 48 * H, clock: 'calendar' } } },
      pauseStatuses: [],
      resolvedStatuses: ['Resolved', 'Closed'],
    },
  },
  {
    name: 'resolution P1 4 h, P2 8 h, P3 2 d, P4 5 d in business hours (Mon–Fri 08:00–17:00 UTC); pauses as above',
    calendar: weekdays9to17,
    policy: {
      calendarId: 'cal',
      priorities: { P1: { resolution: { ms: 4 * H, clock: 'business' } }, P2: { resolution: { ms: 8 * H, clock: 'business' } }, P3: { resolution: { ms: 18 * H, clock: 'business' } }, P4: { resolution: { ms: 45 * H, clock: 'business' } } },
      pauseStatuses: ['Awaiting User Info', 'Awaiting Evidence', 'Awaiting Problem'],
      resolvedStatuses: ['Resolved', 'Closed'],
    },
  },
];

export interface Agreement {
  policy: string;
  incidents: number;
  measured: number;
  problems: number;
  agree: number;
  share: number;
  /** engine breached, ServiceNow said made */
  engineStricter: number;
  /** engine met, ServiceNow said missed */
  engineLaxer: number;
}

export async function madeSlaAgreement(): Promise<Agreement[]> {
  const incidents = await readUci();
  const out: Agreement[] = [];
  for (const c of CANDIDATES) {
    const calendars = { cal: compileCalendar(c.calendar) };
    let measured = 0;
    let agree = 0;
    let stricter = 0;
    let laxer = 0;
    let problems = 0;
    for (const [id, inc] of incidents) {
      const evs = inc.events.sort((a, b) => (a.eventAt! - b.eventAt!) || a.seq - b.seq);
      const last = evs[evs.length - 1];
      const v = evaluateTicket(
        c.policy,
        calendars,
        {
          id,
          priority: last.priority,
          openedAt: evs[0].openedAt,
          statusHistory: evs.filter((e) => e.status).map((e) => ({ atMs: e.eventAt!, status: e.status! })),
          resolvedAt: evs.map((e) => e.resolvedAt).filter((x) => x !== null).pop() ?? null,
        },
        Date.UTC(2018, 0, 1),
      );
      if (v.problem !== null) {
        problems++;
        continue;
      }
      measured++;
      const breached = 'breached' in v && v.breached;
      if (breached === !inc.madeSla) agree++;
      else if (breached) stricter++;
      else laxer++;
    }
    out.push({ policy: c.name, incidents: incidents.size, measured, problems, agree, share: agree / Math.max(1, measured), engineStricter: stricter, engineLaxer: laxer });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const a of await madeSlaAgreement()) {
    console.log(`${(a.share * 100).toFixed(1)} % agree (${a.agree}/${a.measured}; ${a.problems} not measurable; engine stricter ${a.engineStricter}, laxer ${a.engineLaxer}) — ${a.policy}`);
  }
}
