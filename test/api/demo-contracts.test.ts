import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { contractsFeed, listContracts } from '../../src/server/modules/contracts/contracts.public.ts';
import { seedDemoIfEmpty } from '../../src/server/seed/demo.ts';
import { actorOf } from '../../src/server/seed/builders/core.ts';
import { silentLog } from '../../src/server/seed/builders/silent-log.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/db.ts';

// Issue 11: the demo organisation shows contracts with good and bad cases, seeded through the services.
let t: TestApp;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  t = await createTestApp();
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
  await t.close();
});

describe('the demo contracts', () => {
  it('are seeded with upcoming deadlines, a passed decision and a notice given', async () => {
    const log = pino({ level: 'silent' });
    expect(await seedDemoIfEmpty(db.db, t.config, log, createMailer({ smtpUrl: null, from: 'demo@test', log }))).toBe(true);
    const { rows } = (await db.db.execute('SELECT id, org_id FROM users WHERE email = \'owner@demo.outsight.test\'')) as unknown as { rows: Array<{ id: string; org_id: string }> };
    const owner = rows[0];
    const ctx = { db: db.db, config: t.config, now: new Date(), log: silentLog, requestId: 'test', actor: actorOf({ id: owner.id, role: 'owner', vendorId: null, email: 'owner@demo.outsight.test', name: 'Olivia Owner' } as never, owner.org_id) };
    const all = await listContracts(ctx, { limit: 200, archived: 'false' });
    const byTitle = new Map(all.items.map((c) => [c.title, c]));
    for (const title of ['Brightline master services agreement', 'Brightline statement of work 2026', 'Kestrel master agreement', 'Kestrel order portal statement of work', 'Kestrel amendment 1: extended warranty', 'Nimbus hosting agreement', 'Nimbus data processing agreement', 'HelpPoint service desk agreement', 'Sentinel managed detection agreement', 'PayrollCloud subscription', 'DocuFlow order form', 'Atlas field services agreement']) {
      expect(byTitle.has(title), title).toBe(true);
    }
    const bl = byTitle.get('Brightline master services agreement')!;
    expect(bl.keyDates.state).toBe('renews-unless-notice');
    expect(bl.engagements).toHaveLength(3);
    expect(byTitle.get('Atlas field services agreement')!.keyDates.words).toContain('ends on 31 March 2027');
    const today = new Date().toISOString().slice(0, 10);
    const exposures = await contractsFeed.exposures!(ctx, today);
    expect(exposures[0].examples.map((e) => e.label.split(' (')[0])).toContain('Nimbus hosting agreement');
  });
});
