import { afterAll, beforeAll } from 'vitest';
import { loadTicketsForSla } from '../../src/server/modules/tickets/tickets.public.ts';
import { createTestApp, type TestApp } from './app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from './factories.ts';

/**
 * What every ticket-import test file sets up: an app, an organisation, an analyst who
 * uploads, new engagements on demand, and the tickets as stored (read through the tickets
 * module's public surface). Registers its own beforeAll/afterAll.
 */
export function ticketImportHarness() {
  const h = {} as { t: TestApp; org: TestOrg; analyst: Login };
  beforeAll(async () => {
    h.t = await createTestApp();
    h.org = await createTestOrg(h.t.database.db);
    h.analyst = await loginAs(h.t.database.db, h.org.users.analyst);
  });
  afterAll(() => h.t.close());
  return {
    get t() {
      return h.t;
    },
    get org() {
      return h.org;
    },
    get analyst() {
      return h.analyst;
    },
    async newEngagement(): Promise<string> {
      const m = await loginAs(h.t.database.db, h.org.users.manager);
      const res = await h.t.app.inject({ method: 'POST', url: '/api/v1/engagements', headers: authHeaders(m), payload: { vendorId: h.org.vendor.id, name: `Desk ${Math.random()}`, serviceType: 'service_desk' } });
      return res.json().id as string;
    },
    stored: (engagementId: string) => loadTicketsForSla(h.org.handle.ctx(), engagementId),
    upload: (engagementId: string, body: string | Buffer, qs: string) =>
      h.t.app.inject({ method: 'POST', url: `/api/v1/engagements/${engagementId}/ticket-imports?${qs}`, payload: body, headers: { ...authHeaders(h.analyst), 'content-type': 'text/csv' } }),
  };
}
