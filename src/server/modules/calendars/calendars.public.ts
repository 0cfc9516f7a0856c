/** The calendars module as other modules, seeds and builders see it (lint rule outsight/public-surface). */
export { calendarRevisionSql, calendarsByIds, createCalendar, listCalendars, referenceCalendar, specOf, updateCalendar, calendarRowVersionsSql } from './calendars.service.ts';
export type { CalendarRow } from './calendars.repo.ts';
