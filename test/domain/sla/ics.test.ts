import { describe, expect, it } from 'vitest';
import { businessMs, compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { parseIcsHolidays } from '../../../src/domain/sla/ics.ts';
import { H, utc } from './fixtures.ts';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Holidays//EN',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;VALUE=DATE:20240101',
  'DTEND;VALUE=DATE:20240102',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Neujahr',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2',
  'DTSTART;VALUE=DATE:20241224',
  'DTEND;VALUE=DATE:20241227',
  'SUMMARY:Christmas break with a long',
  '  folded summary', // RFC 5545 folding: the leading space is removed
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:3',
  'DTSTART:20240520T000000',
  'DTEND:20240521T000000',
  'SUMMARY:Pfingstmontag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:4',
  'DTSTART:20240331T230000Z', // 1 April 01:00 CEST
  'SUMMARY:Ostermontag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:5',
  'DTSTART;VALUE=DATE:20240229',
  'RRULE:FREQ=YEARLY;COUNT=2',
  'SUMMARY:Leap day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:6',
  'DTSTART;VALUE=DATE:20241003',
  'RRULE:FREQ=YEARLY;UNTIL=20251231',
  'EXDATE;VALUE=DATE:20251003',
  'SUMMARY:Tag der Deutschen Einheit',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:7',
  'DTSTART;VALUE=DATE:20240101',
  'RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3',
  'SUMMARY:First Monday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:8',
  'DTSTART;VALUE=DATE:20240527',
  'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO',
  'SUMMARY:Memorial Day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:9',
  'SUMMARY:No start',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:10',
  'DTSTART;VALUE=DATE:20240801',
  'STATUS:CANCELLED',
  'SUMMARY:Cancelled',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:11',
  'DTSTART;VALUE=DATE:20240805',
  'DURATION:P2D',
  'SUMMARY:Two days',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:12',
  'DTSTART;VALUE=DATE:20240106',
  'RRULE:FREQ=WEEKLY;INTERVAL=26;BYDAY=SA;COUNT=2',
  'SUMMARY:Half-yearly shutdown',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:13',
  'DTSTART:20240106T100000',
  'RRULE:FREQ=HOURLY',
  'SUMMARY:Hourly',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('parseIcsHolidays', () => {
  const r = parseIcsHolidays(ICS, { fromYear: 2024, toYear: 2028, timeZone: 'Europe/Berlin' });

  it('reads all-day, multi-day, date-time, UTC, yearly, monthly and weekly events', () => {
    expect(r.holidays).toEqual([
      '2024-01-01',
      '2024-01-06', // every 26th week on Saturday, twice
      '2024-02-05', // the first Monday of the month, three times
      '2024-02-29',
      '2024-03-04',
      '2024-04-01',
      '2024-05-20',
      '2024-05-27', // the last Monday of May (BYDAY=-1MO)
      '2024-07-06',
      '2024-08-05',
      '2024-08-06',
      '2024-10-03',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
      '2025-01-01',
      '2025-05-26',
      '2026-01-01',
      '2026-05-25',
      '2027-01-01',
      '2027-05-31',
      '2028-01-01',
      '2028-02-29',
      '2028-05-29',
    ]);
    expect(r.events.find((e) => e.date === '2024-12-24')?.summary).toBe('Christmas break with a long folded summary');
  });

  it('reports unsupported and broken events instead of guessing', () => {
    expect(r.problems).toEqual(['VEVENT 9 (No start): missing DTSTART', 'VEVENT 13 (Hourly): unsupported RRULE "FREQ=HOURLY" (holidays repeat yearly, monthly, weekly or daily)']);
  });

  it('takes UTC date-times as UTC dates when no zone is given', () => {
    const utcOnly = parseIcsHolidays(ICS, { fromYear: 2024, toYear: 2024 });
    expect(utcOnly.holidays).toContain('2024-03-31');
    expect(utcOnly.holidays).not.toContain('2024-04-01');
  });

  it('feeds a calendar directly', () => {
    const cal = compileCalendar({
      timeZone: 'Europe/Berlin',
      week: { 1: [{ from: '09:00', to: '17:00' }], 2: [{ from: '09:00', to: '17:00' }] },
      holidays: r.holidays,
    });
    // Mon 2024-05-20 (Pfingstmontag) is off; Tue counts 8 h.
    expect(businessMs(cal, utc('2024-05-19T22:00:00Z'), utc('2024-05-21T22:00:00Z'))).toBe(8 * H);
  });
});
