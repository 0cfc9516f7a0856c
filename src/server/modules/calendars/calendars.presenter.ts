import type { Calendar } from '../../../shared/contracts/sla.ts';
import type { CalendarRow } from './calendars.repo.ts';

export function presentCalendar(r: CalendarRow): Calendar {
  return { id: r.id, name: r.name, timeZone: r.timeZone, week: r.week, holidays: r.holidays, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}
