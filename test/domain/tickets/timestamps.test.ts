import { describe, expect, it } from 'vitest';
import { DATE_REASONS, mostlyNumbers, readDateTime, wrongOrderReason } from '../../../src/domain/tickets/dates.ts';
import { cutOffWarning, cutOffRejection, exportKindHint } from '../../../src/domain/tickets/warnings.ts';

// Issue 8 §1: every common timestamp shape is read, and a value that is not names its real cause.
const UTC = { order: 'dmy' as const, timeZone: 'UTC' };
const at = (raw: string, spec: Parameters<typeof readDateTime>[1] = UTC) => readDateTime(raw, spec);
const ms = (raw: string, spec?: Parameters<typeof readDateTime>[1]) => {
  const r = at(raw, spec);
  return 'ms' in r ? new Date(r.ms).toISOString() : r.reason;
};

describe('ticket timestamps: every common shape', () => {
  it('reads slashes or dashes, T or space, fractional seconds and offsets', () => {
    expect(ms('2024-01-01T12:00:00.250Z')).toBe('2024-01-01T12:00:00.250Z');
    expect(ms('2024-01-01 14:00:00+02:00')).toBe('2024-01-01T12:00:00.000Z');
    expect(ms('2024-01-01T14:00:00+0200')).toBe('2024-01-01T12:00:00.000Z');
    expect(ms('2024-01-01 07:00 -05')).toBe('2024-01-01T12:00:00.000Z');
    expect(ms('2024/01/01 14:00:00.5 +02:00')).toBe('2024-01-01T12:00:00.500Z');
    expect(ms('01-02-2024 12:00')).toBe('2024-02-01T12:00:00.000Z');
    expect(ms('01/02/2024T12:00:00,125')).toBe('2024-02-01T12:00:00.125Z');
    expect(ms('01/02/2024 1:30 PM')).toBe('2024-02-01T13:30:00.000Z');
    expect(ms('01/02/2024 12:05 a.m.')).toBe('2024-02-01T00:05:00.000Z');
    expect(ms('2024-01-01 12:00 UTC', { order: 'ymd', timeZone: 'Europe/Berlin' })).toBe('2024-01-01T12:00:00.000Z');
  });

  it('reads Excel serial numbers in the export zone, epoch seconds and milliseconds, when the column is numbers', () => {
    const numbers = { order: 'dmy' as const, timeZone: 'UTC', numbers: true };
    expect(ms('45292.5', numbers)).toBe('2024-01-01T12:00:00.000Z');
    expect(ms('45292.5', { ...numbers, timeZone: 'Europe/Berlin' })).toBe('2024-01-01T11:00:00.000Z');
    expect(ms('45292', numbers)).toBe('2024-01-01T00:00:00.000Z');
    expect(ms('1704110400', numbers)).toBe('2024-01-01T12:00:00.000Z');
    expect(ms('1704110400123', numbers)).toBe('2024-01-01T12:00:00.123Z');
    expect(ms('45292.5')).toBe(DATE_REASONS.lonelyNumber);
    expect(ms('250000', numbers)).toBe(DATE_REASONS.excelRange);
    expect(ms('12', numbers)).toBe(DATE_REASONS.excelRange);
    expect(ms('170411040012', numbers)).toBe(DATE_REASONS.numberShape);
    expect(mostlyNumbers(['45292.5', '45293', '', 'n/a'])).toBe(true);
    expect(mostlyNumbers(['45292.5', '2024-01-01', '2024-01-02'])).toBe(false);
  });

  it('reads each value in its own zone and year, whichever zone and year the value before had', () => {
    const berlin = { order: 'ymd' as const, timeZone: 'Europe/Berlin' };
    const newYork = { order: 'ymd' as const, timeZone: 'America/New_York' };
    // 29 March 2026 is after Berlin's spring change (UTC+2); in 2025 it came a day later (UTC+1).
    expect(ms('2026-03-29 03:30', berlin)).toBe('2026-03-29T01:30:00.000Z');
    expect(ms('2026-03-29 03:30', newYork)).toBe('2026-03-29T07:30:00.000Z');
    expect(ms('2025-03-29 03:30', berlin)).toBe('2025-03-29T02:30:00.000Z');
    expect(ms('2026-01-01 00:30', berlin)).toBe('2025-12-31T23:30:00.000Z');
    expect(ms('2025-12-31 23:30', berlin)).toBe('2025-12-31T22:30:00.000Z');
    expect(ms('2026-03-29 03:30', berlin)).toBe('2026-03-29T01:30:00.000Z');
    expect(ms('1990-07-01 12:00', berlin)).toBe('1990-07-01T10:00:00.000Z');
  });

  it('names the real cause of a rejection, and blames the order only when another order reads the value', () => {
    expect(ms('2012/10/09 14:50:17.000', { order: 'mdy', timeZone: 'UTC' })).toBe('2012-10-09T14:50:17.000Z');
    expect(ms('25/03/2026 10:00', { order: 'mdy', timeZone: 'UTC' })).toBe(wrongOrderReason('mdy', 'dmy'));
    expect(ms('25/13/2026 10:00')).toBe(DATE_REASONS.month);
    expect(ms('31/02/2026 10:00')).toBe(DATE_REASONS.day);
    expect(ms('01/02/2026 13:00 PM')).toBe(DATE_REASONS.ampm);
    expect(ms('01/02/2026 24:30')).toBe(DATE_REASONS.time);
    expect(ms('2026-02-01T10:00+15:00')).toBe(DATE_REASONS.offset);
    expect(ms('2026-02-30')).toBe(DATE_REASONS.day);
    // Leap years by the Gregorian rule: every fourth year, not a century's unless it divides by 400.
    expect(ms('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(ms('2000-02-29 10:00')).toBe('2000-02-29T10:00:00.000Z');
    expect(ms('2100-02-29')).toBe(DATE_REASONS.day);
    expect(ms('29/02/1900 10:00')).toBe(DATE_REASONS.day);
    expect(ms('2026-04-31')).toBe(DATE_REASONS.day);
    expect(ms('2026-12-31 23:59:59')).toBe('2026-12-31T23:59:59.000Z');
    expect(ms('01/02/1850')).toBe(DATE_REASONS.year);
    expect(ms('yesterday')).toBe(DATE_REASONS.shape);
    for (const reason of Object.values(DATE_REASONS)) expect(reason).not.toMatch(/order/);
  });
});

describe('ticket imports: what the result warns about', () => {
  it('turns the rejected last row of a cut-off file into a warning with its line', () => {
    const w = cutOffWarning([{ line: 2, field: 'number', reason: 'x' }, cutOffRejection(7, 'the last row has 2 of 5 fields and no line break after it')]);
    expect(w).toMatchObject({ kind: 'cut_off', line: 7 });
    expect(w?.message).toContain('The file looks cut off at line 7');
    expect(cutOffWarning([{ line: 2, field: 'number', reason: 'x' }])).toBeNull();
  });

  it('recognises a ServiceNow event log, an incident list and a Jira changelog imported with the wrong format', () => {
    const events = ['number', 'incident_state', 'sys_updated_at', 'sys_mod_count', 'opened_at'];
    expect(exportKindHint(events, 'servicenow')?.message).toContain('this file has `incident_state` and `sys_updated_at` columns: it looks like a ServiceNow event log'.replace(/^t/, 'T'));
    expect(exportKindHint(events, 'generic')?.kind).toBe('other_export');
    expect(exportKindHint(events, 'servicenow-events')).toBeNull();
    expect(exportKindHint(['number', 'opened_at', 'state'], 'servicenow-events')?.message).toContain('ServiceNow incident list');
    expect(exportKindHint(['Issue key', 'Created', 'Field', 'fromString', 'toString'], 'jira')?.message).toContain('Jira changelog');
    expect(exportKindHint(['Issue key', 'Created', 'Status'], 'jira')).toBeNull();
  });
});
