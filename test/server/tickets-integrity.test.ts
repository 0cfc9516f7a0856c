import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { openTestDatabase } from '../support/db.ts';
import { refusal } from '../support/refusal.ts';
import {
  copyRawTickets,
  deleteRawEngagement,
  deleteRawTicket,
  insertRawTickets,
  insertRawVerdict,
  moveRawEngagement,
  moveRawTicket,
  moveRawVerdict,
  rawTicketId,
  rawTicketPlaces,
  rawVerdictExists,
  renumberRawTicket,
  retitleRawTicket,
  type RawTicket,
} from '../support/tickets-integrity.repo.ts';

// A ticket names an engagement of its own organisation, and an SLA verdict a ticket of its
// own engagement. Triggers check that once per statement instead of foreign keys per row
// (migrations 0035 and 0036); they must refuse all that the keys refused: a ticket of another
// organisation's engagement or of none, by INSERT, COPY or UPDATE, an engagement with tickets
// deleted or moved, a verdict of no ticket; and a deleted ticket's verdict goes with it.
let database: Database;
let mine: OrgHandle;
let theirs: OrgHandle;
let engagement: string;
let sibling: string;
let foreign: string;
const run = randomUUID().slice(0, 8); // on PostgreSQL, every file shares one database

const ticket = (externalId: string, orgId: string, engagementId: string): RawTicket => ({ orgId, engagementId, externalId: `${run}-${externalId}` });
const id = (externalId: string) => `${run}-${externalId}`;

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' });
  mine = await anOrg({ db: database.db, config, now: () => new Date() }, { name: 'Mine' });
  theirs = await anOrg({ db: database.db, config, now: () => new Date() }, { name: 'Theirs' });
  engagement = (await anEngagement(mine)).id;
  sibling = (await anEngagement(mine)).id;
  foreign = (await anEngagement(theirs)).id;
});
afterAll(async () => {
  await database?.close();
});

describe('tickets name an engagement of their own organisation', () => {
  it('stores a statement whose every ticket names its organisation’s engagement', async () => {
    await insertRawTickets(database.db, [ticket('ok-1', mine.orgId, engagement), ticket('ok-2', mine.orgId, sibling)]);
    await copyRawTickets(database.db, [ticket('ok-3', mine.orgId, engagement), ticket('ok-4', theirs.orgId, foreign)]);
    expect(await rawTicketPlaces(database.db, [id('ok-1'), id('ok-2'), id('ok-3'), id('ok-4')])).toEqual({
      [id('ok-1')]: engagement,
      [id('ok-2')]: sibling,
      [id('ok-3')]: engagement,
      [id('ok-4')]: foreign,
    });
  });

  it('refuses the whole INSERT when one row names another organisation’s engagement', async () => {
    const rows = [ticket('ins-1', mine.orgId, engagement), ticket('ins-2', mine.orgId, foreign), ticket('ins-3', mine.orgId, sibling)];
    expect(await refusal(insertRawTickets(database.db, rows))).toBe('23503');
    expect(await rawTicketPlaces(database.db, [id('ins-1'), id('ins-2'), id('ins-3')])).toEqual({});
  });

  it('refuses the whole COPY when one row names no engagement at all', async () => {
    const rows = [ticket('copy-1', mine.orgId, engagement), ticket('copy-2', mine.orgId, randomUUID())];
    expect(await refusal(copyRawTickets(database.db, rows))).toBe('23503');
    expect(await rawTicketPlaces(database.db, [id('copy-1'), id('copy-2')])).toEqual({});
  });

  it('refuses moving a ticket to another organisation’s engagement, allows its own and other updates', async () => {
    await insertRawTickets(database.db, [ticket('move', mine.orgId, engagement)]);
    expect(await refusal(moveRawTicket(database.db, id('move'), { orgId: mine.orgId, engagementId: foreign }))).toBe('23503');
    expect(await refusal(moveRawTicket(database.db, id('move'), { orgId: theirs.orgId, engagementId: engagement }))).toBe('23503');
    expect(await rawTicketPlaces(database.db, [id('move')])).toEqual({ [id('move')]: engagement });
    await moveRawTicket(database.db, id('move'), { orgId: mine.orgId, engagementId: sibling });
    await retitleRawTicket(database.db, id('move'), 'Printer jammed');
    expect(await rawTicketPlaces(database.db, [id('move')])).toEqual({ [id('move')]: sibling });
  });

  it('refuses deleting an engagement with tickets or moving it to another organisation', async () => {
    expect(await refusal(deleteRawEngagement(database.db, engagement))).toBe('23503');
    expect(await refusal(moveRawEngagement(database.db, engagement, theirs.orgId))).toBe('23503');
    expect(await rawTicketPlaces(database.db, [id('ok-1')])).toEqual({ [id('ok-1')]: engagement });
  });
});

describe('SLA verdicts name a ticket of their own engagement', () => {
  let a: string;
  let b: string;
  let other: string;
  beforeAll(async () => {
    await insertRawTickets(database.db, [ticket('v-a', mine.orgId, engagement), ticket('v-b', mine.orgId, engagement), ticket('v-sib', mine.orgId, sibling)]);
    await insertRawTickets(database.db, [ticket('v-other', theirs.orgId, foreign)]);
    [a, b, other] = [await rawTicketId(database.db, id('v-a')), await rawTicketId(database.db, id('v-b')), await rawTicketId(database.db, id('v-other'))];
  });

  it('stores a verdict of a ticket of its engagement, and refuses one of another engagement, organisation or no ticket', async () => {
    await insertRawVerdict(database.db, { ticketId: a, orgId: mine.orgId, engagementId: engagement });
    expect(await rawVerdictExists(database.db, a)).toBe(true);
    // Stricter than the keys were: the ticket exists, but is of the sibling engagement.
    const sib = await rawTicketId(database.db, id('v-sib'));
    expect(await refusal(insertRawVerdict(database.db, { ticketId: sib, orgId: mine.orgId, engagementId: engagement }))).toBe('23503');
    expect(await refusal(insertRawVerdict(database.db, { ticketId: other, orgId: mine.orgId, engagementId: engagement }))).toBe('23503');
    expect(await refusal(insertRawVerdict(database.db, { ticketId: other, orgId: mine.orgId, engagementId: foreign }))).toBe('23503');
    expect(await refusal(insertRawVerdict(database.db, { ticketId: randomUUID(), orgId: mine.orgId, engagementId: engagement }))).toBe('23503');
    for (const t of [sib, other]) expect(await rawVerdictExists(database.db, t)).toBe(false);
  });

  it('refuses moving a verdict to another ticket or renumbering a ticket with a verdict', async () => {
    expect(await refusal(moveRawVerdict(database.db, a, b))).toBe('23503');
    expect(await refusal(renumberRawTicket(database.db, a))).toBe('23503');
    expect(await rawVerdictExists(database.db, a)).toBe(true);
    expect(await rawVerdictExists(database.db, b)).toBe(false);
  });

  it('deletes a ticket’s verdict with the ticket, and only its', async () => {
    await insertRawVerdict(database.db, { ticketId: b, orgId: mine.orgId, engagementId: engagement });
    await deleteRawTicket(database.db, a);
    expect(await rawVerdictExists(database.db, a)).toBe(false);
    expect(await rawVerdictExists(database.db, b)).toBe(true);
  });
});
