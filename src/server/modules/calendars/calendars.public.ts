/** The calendars module as other modules, seeds and builders see it (lint rule outsight/public-surface). */
export { calendarRevisionSql, calendarRowVersionsSql, calendarsByIds, createCalendar, listCalendars, referenceCalendar, specOf, updateCalendar } from './calendars.service.ts';
export type { CalendarRow } from './calendars.repo.ts';
