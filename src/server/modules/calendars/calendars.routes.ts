import { z } from 'zod';
import { IdParams, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { Calendar, CalendarInput, CalendarUpdate, HolidayImportResult } from '../../../shared/contracts/sla.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { decodeText } from '../../http/text-decode.ts';
import * as service from './calendars.service.ts';

const tags = ['sla'];
const read = { access: 'sla.read' } as const;
const write = { access: 'sla.write' } as const;

export function registerCalendarRoutes(app: App) {
  app.get('/api/v1/calendars', { config: read, schema: { tags, summary: 'Business calendars, by name', querystring: PageQuery, response: { 200: Page(Calendar) } } }, (req) =>
    service.listCalendars(ctxOf(req), req.query),
  );
  app.post('/api/v1/calendars', { config: write, schema: { tags, summary: 'Create a calendar', body: CalendarInput, response: { 201: Calendar } } }, async (req, reply) => {
    reply.status(201);
    return service.createCalendar(ctxOf(req), req.body);
  });
  app.get('/api/v1/calendars/:id', { config: read, schema: { tags, summary: 'Get a calendar', params: IdParams, response: { 200: Calendar } } }, (req) =>
    service.getCalendar(ctxOf(req), parseId(req.params.id, 'calendar')),
  );
  app.patch('/api/v1/calendars/:id', { config: write, schema: { tags, summary: 'Edit a calendar', params: IdParams, body: CalendarUpdate, response: { 200: Calendar } } }, (req) =>
    service.updateCalendar(ctxOf(req), parseId(req.params.id, 'calendar'), req.body),
  );
  app.post(
    '/api/v1/calendars/:id/holidays/import',
    {
      config: write,
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Add holidays from an .ics file (body: the file, Content-Type text/calendar)',
        params: IdParams,
        // Without years: five either side of the request's year (the service knows the clock).
        querystring: z.object({ fromYear: z.coerce.number().int().min(1900).max(2199).optional(), toYear: z.coerce.number().int().min(1900).max(2199).optional() }),
        response: { 200: HolidayImportResult },
      },
    },
    (req) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : '');
      return service.importHolidays(ctxOf(req), parseId(req.params.id, 'calendar'), decodeText(body), req.query);
    },
  );
}
