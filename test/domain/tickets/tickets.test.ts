import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.ts';
import { parseDateTime } from '../../../src/domain/tickets/dates.ts';
import { mappingFor } from '../../../src/domain/tickets/mapping.ts';
import { rowNormaliser } from '../../../src/domain/tickets/rows.ts';
import type { TicketRejection } from '../../../src/shared/contracts/tickets.ts';
import { TICKET_FORMAT_INFO, TICKET_PRESETS, presetDateOrder } from '../../../src/shared/ticket-formats.ts';
import { TICKET_FORMATS } from '../../../src/shared/contracts/tickets.ts';

describe('ticket dates', () => {
  it('reads wall-clock values in the export\'s zone and order; exact values need neither', () => {
    expect(parseDateTime('29/2/2016 01:16', { order: 'dmy', timeZone: 'UTC' })).toBe(Date.UTC(2016, 1, 29, 1, 16));
    expect(parseDateTime('02/29/2016 1:16:05 PM', { order: 'mdy', timeZone: 'UTC' })).toBe(Date.UTC(2016, 1, 29, 13, 16, 5));
    // 08:00 in Berlin in summer is 06:00 UTC.
    expect(parseDateTime('2026-05-04 08:00', { order: 'ymd', timeZone: 'Europe/Berlin' })).toBe(Date.UTC(2026, 4, 4, 6));
    expect(parseDateTime('21/Nov/26 4:30 PM', { order: 'mdy', timeZone: 'UTC' })).toBe(Date.UTC(2026, 10, 21, 16, 30));
    expect(parseDateTime('2026-05-04T08:00:00+02:00', { order: 'dmy', timeZone: 'Asia/Tokyo' })).toBe(Date.UTC(2026, 4, 4, 6));
    expect(parseDateTime('31/02/26 4:30 PM', { order: 'dmy', timeZone: 'UTC' })).toBeNull();
    expect(parseDateTime('yesterday', { order: 'dmy', timeZone: 'UTC' })).toBeNull();
  });
});

/** What `f` throws (undefined if it returns). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('ticket mappings and rows', () => {
  it('a generic import without a mapping is a field error, not an HTTP one', () => {
    const err = thrown(() => mappingFor('generic', {}));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'mapping' }] } });
  });

  it('applies the caller\'s zone and date order to a preset', () => {
    const m = mappingFor('jira', { timeZone: 'Europe/Berlin', dateOrder: 'mdy' });
    expect(m).toMatchObject({ timeZone: 'Europe/Berlin', dateOrder: 'mdy', columns: TICKET_PRESETS.jira.columns, alternates: {} });
    expect(mappingFor('servicenow-events', {}).alternates).toEqual({ status: ['state'], eventAt: ['sys_updated_on'] });
  });

  it('refuses a file without a required column as a whole, naming the column', () => {
    const err = thrown(() => rowNormaliser(['Key', 'Created'], mappingFor('jira', {})));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'import_rejected', details: { rejected: [{ line: 1, field: 'Issue key', reason: 'Required column is missing' }] } });
  });

  it('normalises rows, maps priorities and reports each bad row with line, column and reason', () => {
    const header = ['Issue key', 'Summary', 'Priority', 'Status', 'Created', 'Resolved'];
    const normalise = rowNormaliser(header, mappingFor('jira', {}));
    const rejected: TicketRejection[] = [];
    const reject = (r: TicketRejection) => rejected.push(r);
    expect(normalise(['SD-1', 'Printer', 'High', 'Done', '21/Nov/26 4:30 PM', ''], 2, reject)).toMatchObject({
      externalId: 'SD-1',
      priority: 'P2',
      status: 'Done',
      title: 'Printer',
      openedAt: Date.UTC(2026, 10, 21, 16, 30),
      resolvedAt: null,
      seq: 2,
    });
    expect(normalise(['SD-2', 'x', 'High', 'Done', 'someday', ''], 3, reject)).toBeNull();
    expect(normalise(['', 'x', 'High', 'Done', '21/Nov/26 4:30 PM', ''], 4, reject)).toBeNull();
    expect(normalise(['SD-3', 'ragged'], 5, reject)).toBeNull();
    expect(rejected.map((r) => `${r.line}:${r.field}:${r.reason}`)).toEqual(['3:Created:Not a date or time in any shape Outsight reads', '4:Issue key:The ticket id is empty', '5:(row):Expected 6 columns, found 2']);
  });
});

describe('ticket format presets', () => {
  it('describes every format once, in the shared list the web offers, with the preset\'s date order', () => {
    expect(TICKET_FORMAT_INFO.map((f) => f.value)).toEqual([...TICKET_FORMATS]);
    for (const f of TICKET_FORMATS) if (f !== 'generic') expect(presetDateOrder(f)).toBe(TICKET_PRESETS[f].dateOrder);
    expect(presetDateOrder('generic')).toBe('dmy');
  });
});
