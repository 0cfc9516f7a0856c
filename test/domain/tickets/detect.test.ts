import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDateTime } from '../../../src/domain/tickets/dates.ts';
import { refusalFor } from '../../../src/domain/tickets/refusal.ts';

const UTC = { order: 'ymd' as const, timeZone: 'UTC' };

describe('ticket dates: shapes and detected order', () => {
  it('reads year-first dates with slashes and fractional seconds', () => {
    expect(parseDateTime('2012/10/09 14:50:17.000', UTC)).toBe(Date.UTC(2012, 9, 9, 14, 50, 17));
    expect(parseDateTime('09/10/2012 14:50:17,5', { ...UTC, order: 'dmy' })).toBe(Date.UTC(2012, 9, 9, 14, 50, 17, 500));
  });

  it('detects the order a day above 12 proves, and none when the values are ambiguous or contradict', () => {
    expect(detectDateOrder(['01/02/2026 10:00', '25/02/2026 10:00'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2026', '02/25/2026'])).toBe('mdy');
    expect(detectDateOrder(['2026/02/25 10:00', '2026-02-01'])).toBe('ymd');
    expect(detectDateOrder(['01/02/2026', '02/03/2026'])).toBeNull();
    expect(detectDateOrder(['25/02/2026', '02/25/2026'])).toBeNull();
  });
});

describe('ticket imports: when a file is refused', () => {
  const dateRejection = (value: string, line: number) => ({ line, field: 'Open Time', reason: 'Not a date in month/day/year order', value });

  it('refuses when most rows fail for one reason, naming the day-first fix', () => {
    const rejected = Array.from({ length: 68 }, (_, i) => dateRejection(`${13 + (i % 15)}/03/2026 10:00`, i + 2));
    const err = refusalFor(100, 68, rejected, 'mdy');
    expect(err?.code).toBe('import_rejected');
    expect(err?.message).toContain('Open Time looks day-first: 68 % of values have a day above 12');
    expect(err?.message).toContain('nothing was imported');
  });

  it('lets a minority of rejections through, and refuses a file of which nothing could be read', () => {
    expect(refusalFor(100, 40, Array.from({ length: 40 }, (_, i) => dateRejection('x', i)), 'dmy')).toBeNull();
    const mixed = [dateRejection('x', 2), { line: 3, field: 'Ref', reason: 'The ticket id is empty' }];
    expect(refusalFor(2, 2, mixed, 'dmy')?.message).toContain('No row could be read');
    expect(refusalFor(0, 0, [], 'dmy')).toBeNull();
  });
});
