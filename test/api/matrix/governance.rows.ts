import { randomUUID } from 'node:crypto';
import { anEngagement } from '../../../src/server/seed/builders/core.ts';
import { aCadence, aMeeting, anActionItem, aStatusReport, governanceOf } from '../../../src/server/seed/builders/governance.ts';
import { aUser } from '../../../src/server/seed/builders/core.ts';
import { createReview, sendSurvey, shareReview } from '../../../src/server/modules/governance/governance.public.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const C = 'The meeting cadence';
const M = 'The meeting';
const A = 'The action item';
const CONTACT = ['vendor_contact'] as const;
const S = 'The status report';
const R = 'The performance review';
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The Monday `k` weeks before the last one on or before today (UTC), and the first Monday after today. */
const monday = (k: number) => {
  const now = Date.now();
  const back = (new Date(now).getUTCDay() + 6) % 7;
  return day(now - (back + 7 * k) * DAY);
};
const nextMonday = () => {
  const now = Date.now();
  return day(now + (7 - ((new Date(now).getUTCDay() + 6) % 7)) * DAY);
};
const WEEKLY = { statusReportRrule: 'FREQ=WEEKLY;BYDAY=MO', statusReportFrom: '2026-01-05' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

interface Fixtures {
  cadenceId: string;
  meetingId: string;
  /** An item the vendor's side owns, one the client's side owns, one dropped, one of the other vendor. */
  vendorActionId: string;
  clientActionId: string;
  droppedActionId: string;
  otherVendorActionId: string;
  /** Status reports: with a file, without one, and one of the other vendor (with a file). */
  reportWithFileId: string;
  reportId: string;
  otherVendorReportId: string;
  /** Reviews: not yet shared, shared. */
  reviewId: string;
  sharedReviewId: string;
}

/** Rows for governance: settings, overlap, cadences, meetings, action items, and the vendor's action items in the portal. */
export function governanceRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const cadence = await aCadence(h(o), { engagementId: o.engagementId });
    const meeting = await aMeeting(h(o), { engagementId: o.engagementId, occursOn: '2026-02-03', cadenceId: cadence.id, notes: 'Internal minutes' });
    const vendorAction = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'vendor', title: 'Vendor item' });
    const clientAction = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'client', title: 'Client item' });
    const dropped = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'vendor', title: 'Dropped item', status: 'dropped' });
    const otherEng = await anEngagement(o.handle, { vendorId: o.otherVendor.id });
    const other = await anActionItem(h(o), { engagementId: otherEng.id, ownerSide: 'vendor', title: 'Other vendor item' });
    await governanceOf(h(o), o.engagementId, WEEKLY);
    await governanceOf(h(o), otherEng.id, WEEKLY);
    const contact = o.users.vendor_contact;
    const withFile = await aStatusReport(h(o), { engagementId: o.engagementId, dueOn: monday(1), contact, file: 'week.pdf' });
    const plain = await aStatusReport(h(o), { engagementId: o.engagementId, dueOn: monday(2), contact });
    const theirContact = await aUser(o.handle, { role: 'vendor_contact', vendorId: o.otherVendor.id });
    const theirs = await aStatusReport(h(o), { engagementId: otherEng.id, dueOn: monday(1), contact: theirContact, file: 'theirs.pdf' });
    const review = await createReview(h(o).ctx(), { engagementId: o.engagementId, period: '2026-Q1' });
    const sharedReview = await shareReview(h(o).ctx(), (await createReview(h(o).ctx(), { engagementId: o.engagementId, period: '2026-Q2' })).id);
    return {
      reviewId: review.id,
      sharedReviewId: sharedReview.id,
      cadenceId: cadence.id,
      meetingId: meeting.id,
      vendorActionId: vendorAction.id,
      clientActionId: clientAction.id,
      droppedActionId: dropped.id,
      otherVendorActionId: other.id,
      reportWithFileId: withFile.id,
      reportId: plain.id,
      otherVendorReportId: theirs.id,
    };
  }

  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string, other?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    if (c.scope === 'otherVendor') return other!(f(c.org));
    return own(f(c.org));
  };
  const eng = (c: Call) => env.id(c, (o) => o.engagementId);
  /** A fresh single-use survey link of the organisation's review (without SMTP the links come back to the sender). */
  const surveyToken = async (o: TestOrg) => {
    const mail = { mailer: { outbox: [], delivers: false, send: async () => {} }, baseUrl: 'https://outsight.example' };
    const person = await aUser(o.handle, { role: 'analyst' }); // someone who has not answered yet
    const sent = await sendSurvey(h(o).ctx(), f(o).reviewId, { userIds: [person.id] }, mail);
    return sent.links![0].url.split('/survey/')[1];
  };

  const rows: Record<string, Row> = {
    'GET /api/v1/engagements/:id/governance': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/governance` }) },
    'PUT /api/v1/engagements/:id/governance': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/governance`, payload: { chatChannel: `#ops-${env.uniq()}` } }) },
    'GET /api/v1/engagements/:id/overlap': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/overlap` }) },
    'GET /api/v1/engagements/:id/cadences': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/cadences` }) },
    // The client's own side: internal only — a vendor contact is refused, another organisation's engagement is not found.
    'GET /api/v1/engagements/:id/client-side': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/client-side?period=2026-Q1` }) },
    'GET /api/v1/engagements/:id/agenda': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/agenda` }) },

    'POST /api/v1/meeting-cadences': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/meeting-cadences', payload: { engagementId: env.own.engagementId, kind: 'monthly_service_review', startsOn: '2026-01-01', startTime: '14:00', timeZone: 'Europe/Berlin' } }),
    },
    'PATCH /api/v1/meeting-cadences/:id': { policy: C, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/meeting-cadences/${pick(c, (x) => x.cadenceId)}`, payload: { startTime: '11:00' } }) },
    'DELETE /api/v1/meeting-cadences/:id': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/meeting-cadences/${c.scope === 'own' ? (await aCadence(h(c.org), { engagementId: c.org.engagementId })).id : pick(c, (x) => x.cadenceId)}` }),
    },

    'GET /api/v1/meetings': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/meetings?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/meetings': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/meetings', payload: { engagementId: env.own.engagementId, occursOn: '2026-02-20', title: `Ad hoc ${env.uniq()}`, notes: 'Talked.' } }) },
    'GET /api/v1/meetings/:id': { policy: M, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/meetings/${pick(c, (x) => x.meetingId)}` }) },

    'GET /api/v1/action-items': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/action-items?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/action-items': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/action-items', payload: { engagementId: env.own.engagementId, title: `Do ${env.uniq()}`, ownerSide: 'vendor', dueOn: '2026-06-30' } }) },
    'GET /api/v1/action-items/:id': { policy: A, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/action-items/${pick(c, (x) => x.clientActionId)}` }) },
    'PATCH /api/v1/action-items/:id': { policy: A, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/action-items/${pick(c, (x) => x.clientActionId)}`, payload: { internalNote: `Note ${env.uniq()}` } }) },

    'GET /api/v1/portal/action-items': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/action-items' }) },
    'PATCH /api/v1/portal/action-items/:id': {
      policy: A,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/portal/action-items/${pick(
          c,
          (x) => x.vendorActionId,
          (x) => x.droppedActionId,
          (x) => x.otherVendorActionId,
        )}`,
        payload: { status: 'done', vendorNote: 'Done.' },
      }),
    },

    'GET /api/v1/engagements/:id/status-reports': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/status-reports` }) },
    'GET /api/v1/status-reports/:id/file': { policy: S, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/status-reports/${pick(c, (x) => x.reportWithFileId)}/file` }) },
    'GET /api/v1/performance-reviews': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/performance-reviews?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/performance-reviews': { allowed: WRITERS, ok: 201, build: async () => ({ url: '/api/v1/performance-reviews', payload: { engagementId: (await anEngagement(env.own.handle, { vendorId: env.own.vendor.id })).id, period: '2026-Q3' } }) },
    'POST /api/v1/performance-reviews/:id/share': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({
        url: `/api/v1/performance-reviews/${c.scope === 'own' ? (await createReview(h(c.org).ctx(), { engagementId: (await anEngagement(c.org.handle, { vendorId: c.org.vendor.id })).id, period: '2026-Q1' })).id : pick(c, (x) => x.reviewId, (x) => x.sharedReviewId)}/share`,
      }),
    },
    'POST /api/v1/performance-reviews/:id/survey': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/performance-reviews/${pick(c, (x) => x.reviewId)}/survey`, payload: { userIds: [c.org.users.auditor.id] } }),
    },
    'GET /api/v1/performance-reviews/:id/survey': { policy: R, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/performance-reviews/${pick(c, (x) => x.reviewId)}/survey` }) },
    // The link is the only key: any holder of a live token gets the survey (own or other organisation), a wrong token 404; a used one 410 (test/api/review-survey.test.ts).
    'GET /api/v1/review-surveys/by-token/:token': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => ({ url: `/api/v1/review-surveys/by-token/${c.scope === 'missing' ? 'sv_nope' : await surveyToken(c.org)}` }),
    },
    'POST /api/v1/review-surveys/by-token/:token': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => ({
        url: `/api/v1/review-surveys/by-token/${c.scope === 'missing' ? 'sv_nope' : await surveyToken(c.org)}`,
        payload: { quality: { rating: 4 }, communication: { rating: 3 }, expertise: { rating: 5 }, proactiveness: { rating: 2, comment: 'Could raise risks earlier' } },
      }),
    },
    'GET /api/v1/portal/performance-reviews': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/performance-reviews' }) },
    'GET /api/v1/portal/status-reports': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/status-reports' }) },
    'POST /api/v1/portal/status-reports': { allowed: CONTACT, ok: 201, build: () => ({ url: '/api/v1/portal/status-reports', payload: { engagementId: env.own.engagementId, dueOn: nextMonday(), text: 'Next week, early.' } }) },
    'GET /api/v1/portal/status-reports/:id/file': {
      policy: S,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/status-reports/${pick(c, (x) => x.reportWithFileId, undefined, (x) => x.otherVendorReportId)}/file` }),
    },
    'POST /api/v1/portal/status-reports/:id/file': {
      policy: S,
      allowed: CONTACT,
      ok: 201,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/portal/status-reports/${pick(
          c,
          (x) => x.reportId,
          (x) => x.reportWithFileId,
          (x) => x.otherVendorReportId,
        )}/file?fileName=report.pdf`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf' },
      }),
    },
  };

  return {
    rows,
    async setup() {
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
