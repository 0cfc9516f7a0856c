/** Shared worked-example data for the SLA tests. */
import type { CalendarSpec } from '../../../src/domain/sla/calendar.ts';

const nineToFive = [{ from: '09:00', to: '17:00' }];

/** Europe/Berlin, Mon–Fri 09:00–17:00, German (federal) holidays of 2024. */
export const BERLIN: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20', '2024-10-03', '2024-12-25', '2024-12-26'],
};

export const H = 3_600_000;
export const MIN = 60_000;
export const utc = (iso: string): number => Date.parse(iso);
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
