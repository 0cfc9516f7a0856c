import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importTickets, type TicketForSla } from '../../src/server/modules/tickets/tickets.public.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

// Issue 10 §4: the first import of a list export goes straight into tickets by COPY. It must
// store exactly what the staging fold stores for the same file: a repeated id keeps its most
// recently updated row, whichever comes first in the file, and ids whose hashes collide are
// both kept. Each file is imported into an empty engagement (the direct load) and into one
// that already holds a ticket (the staging fold); the tickets must match field by field.
const h = ticketImportHarness();
const { newEngagement, stored } = h;

const HEADER = 'number,short_description,priority,state,opened_at,resolved_at,closed_at,sys_updated_on\n';
const row = (id: string, title: string, state: string, updated: string, resolved = '') => `${id},${title},2 - High,${state},2026-03-02 09:00:00,${resolved},,${updated}\n`;

const importFile = async (engagementId: string, csv: string) =>
  importTickets(h.org.handle.ctx(), Readable.from([Buffer.from(csv)]), { engagementId, format: 'servicenow', timeZone: 'UTC' });

/** The tickets as stored, without the row ids and the seed ticket, by external id. */
const byExternalId = (tickets: TicketForSla[]) =>
  new Map(tickets.filter((t) => t.externalId !== 'SEED').map(({ id: _id, engagementId: _e, ...t }) => [t.externalId, t]));

/** Imports the file both ways; returns both results and stored tickets. */
async function bothWays(csv: string) {
  const direct = await newEngagement();
  const staged = await newEngagement();
  await importFile(staged, HEADER + row('SEED', 'Seed', 'New', '2026-03-01 00:00:00'));
  const d = await importFile(direct, csv);
  const s = await importFile(staged, csv);
  return { d, s, direct: byExternalId(await stored(direct)), staged: byExternalId(await stored(staged)) };
}

describe('ticket import: the first import of a list export, straight into tickets', () => {
  it('keeps the newest row of a repeated id whichever comes first, keeps both ids of a hash collision, and stores what the staging fold stores', async () => {
    const csv =
      HEADER +
      // The first row is the newer one: it must win.
      row('INC1', 'Printer jammed', 'Resolved', '2026-03-05 10:00:00', '2026-03-05 10:00:00') +
      row('INC2', 'VPN down', 'New', '2026-03-03 08:00:00') +
      row('INC1', 'Printer', 'In Progress', '2026-03-03 08:00:00') +
      // The second row is the newer one.
      row('INC2', '"VPN down, all users"', 'Closed', '2026-03-06 12:00:00', '2026-03-06 11:00:00') +
      // Two different ids with the same 32-bit FNV-1a hash.
      row('INC0112789', 'Laptop', 'New', '2026-03-02 09:00:00') +
      row('INC0349192', 'Password reset', 'Resolved', '2026-03-02 10:00:00', '2026-03-02 10:00:00') +
      row('INC3', 'E-mail', 'New', '2026-03-02 09:30:00');
    const { d, s, direct, staged } = await bothWays(csv);

    expect(d).toMatchObject({ rowsRead: 7, ticketsCreated: 5, ticketsUpdated: 0, rejectedCount: 0, engagementTickets: 5 });
    expect(s).toMatchObject({ rowsRead: 7, ticketsCreated: 5, engagementTickets: 6 });
    expect(direct.get('INC1')).toMatchObject({ title: 'Printer jammed', status: 'Resolved', resolvedAt: Date.UTC(2026, 2, 5, 10) });
    expect(direct.get('INC2')).toMatchObject({ title: 'VPN down, all users', status: 'Closed', resolvedAt: Date.UTC(2026, 2, 6, 11) });
    expect(direct.get('INC0112789')).toMatchObject({ title: 'Laptop', status: 'New', resolvedAt: null });
    expect(direct.get('INC0349192')).toMatchObject({ title: 'Password reset', status: 'Resolved' });
    expect(direct.get('INC3')).toMatchObject({ title: 'E-mail', priority: 'P2', openedAt: Date.UTC(2026, 2, 2, 9), history: [] });
    expect(direct).toEqual(staged);
  });

  it('sets repeated rows aside in several batches without losing or doubling a ticket', async () => {
    // 7,000 ids, each twice (the second half of the file repeats the first with newer rows
    // for even ids and older rows for odd ones), then 1,000 ids once.
    const lines: string[] = [];
    for (let i = 0; i < 7_000; i++) lines.push(row(`T${i}`, `First ${i}`, 'New', '2026-03-03 08:00:00'));
    for (let i = 0; i < 7_000; i++) lines.push(row(`T${i}`, `Second ${i}`, 'Resolved', i % 2 ? '2026-03-02 08:00:00' : '2026-03-04 08:00:00', '2026-03-02 12:00:00'));
    for (let i = 7_000; i < 8_000; i++) lines.push(row(`T${i}`, `Once ${i}`, 'New', '2026-03-03 08:00:00'));
    const { d, direct, staged } = await bothWays(HEADER + lines.join(''));

    expect(d).toMatchObject({ rowsRead: 15_000, ticketsCreated: 8_000, engagementTickets: 8_000 });
    expect(direct.size).toBe(8_000);
    expect(direct.get('T0')).toMatchObject({ title: 'Second 0', status: 'Resolved' });
    expect(direct.get('T1')).toMatchObject({ title: 'First 1', status: 'New' });
    expect(direct.get('T7999')).toMatchObject({ title: 'Once 7999' });
    expect(direct).toEqual(staged);
  });

  it('a rejected row in strict mode leaves a first import with nothing stored', async () => {
    const eng = await newEngagement();
    const csv = HEADER + row('A1', 'Fine', 'New', '2026-03-02 09:00:00') + 'A2,Broken,2 - High,New,not a date,,,2026-03-02 09:00:00\n';
    const err = await importTickets(h.org.handle.ctx(), Readable.from([Buffer.from(csv)]), { engagementId: eng, format: 'servicenow', timeZone: 'UTC', strict: true }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('import_rejected');
    expect(await stored(eng)).toEqual([]);
  });
});
