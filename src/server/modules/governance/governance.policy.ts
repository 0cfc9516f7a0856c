import { definePolicy } from '../../policy.ts';
import type { ActionRow, CadenceRow, MeetingRow, ReviewRow, StatusReportRow } from './governance.repo.ts';

/** Contacts, escalation and working hours of an engagement: internal users only (the engagement's own visibility is asked of the engagements module). */
export const governanceSettingsPolicy = definePolicy<{ orgId: string }, 'read' | 'update'>({
  label: 'The governance settings',
  collection: true,
  actions: { read: { permission: 'governance.read' }, update: { permission: 'governance.write' } },
});

export const cadencePolicy = definePolicy<CadenceRow, 'list' | 'read' | 'create' | 'update' | 'delete' | 'reference'>({
  label: 'The meeting cadence',
  actions: {
    list: { permission: 'governance.read' },
    read: { permission: 'governance.read' },
    create: { permission: 'governance.write' },
    update: { permission: 'governance.write' },
    delete: { permission: 'governance.write' },
    reference: { permission: 'governance.write' },
  },
});

/** Meetings and their minutes are the client's record: a vendor contact never sees them (it sees the actions its side owns). */
export const meetingPolicy = definePolicy<MeetingRow, 'list' | 'read' | 'create' | 'reference'>({
  label: 'The meeting',
  actions: {
    list: { permission: 'governance.read' },
    read: { permission: 'governance.read' },
    create: { permission: 'governance.write' },
    reference: { permission: 'governance.write' },
  },
});

/**
 * An action item: the client's users see all of them; a vendor contact sees and updates
 * only those its own vendor's side owns — never the client's items, never the internal note.
 */
export const actionPolicy = definePolicy<ActionRow, 'list' | 'listOwn' | 'read' | 'create' | 'update' | 'vendorUpdate'>({
  label: 'The action item',
  vendorOf: (a) => (a.ownerSide === 'vendor' ? a.vendorId : null),
  actions: {
    list: { permission: 'governance.read' },
    listOwn: { permission: 'portal.use' },
    read: { permission: ['governance.read', 'portal.use'] },
    create: { permission: 'governance.write' },
    update: { permission: 'governance.write' },
    vendorUpdate: { permission: 'portal.use', when: (a) => a.status !== 'dropped' || 'The client dropped this action item; it can no longer be updated.' },
  },
});

/**
 * A status report belongs to its engagement's vendor: the client's users read them all; a
 * vendor contact hands in and reads its own vendor's. One file per report, attached once.
 */
export const statusReportPolicy = definePolicy<StatusReportRow, 'list' | 'listOwn' | 'read' | 'submit' | 'attach'>({
  label: 'The status report',
  vendorOf: (r) => r.vendorId,
  actions: {
    list: { permission: 'governance.read' },
    listOwn: { permission: 'portal.use' },
    read: { permission: ['governance.read', 'portal.use'] },
    submit: { permission: 'portal.use' },
    attach: { permission: 'portal.use', when: (r) => !r.storageKey || `A file (${r.fileName}) is already attached to this report; hand in the next report instead.` },
  },
});

/** A scorecard: the client's until it is shared; then the vendor's contacts read it in the portal. */
export const reviewPolicy = definePolicy<ReviewRow, 'list' | 'listOwn' | 'read' | 'create' | 'share' | 'survey' | 'readSurvey'>({
  label: 'The performance review',
  vendorOf: (r) => r.vendorId,
  visible: (r, actor) => actor.role !== 'vendor_contact' || r.sharedAt !== null,
  actions: {
    list: { permission: 'governance.read' },
    listOwn: { permission: 'portal.use' },
    read: { permission: ['governance.read', 'portal.use'] },
    create: { permission: 'governance.write' },
    share: { permission: 'governance.write', when: (r) => r.sharedAt === null || 'This review is already shared with the vendor.' },
    /** The survey's answers are internal: a vendor contact never reads them, shared review or not (it reads the averages on the scorecard). */
    survey: { permission: 'governance.write' },
    readSurvey: { permission: 'governance.read' },
  },
});

/** The client's own side measured (decision speed, attendance): the client's mirror, never shown to a vendor contact. */
export const clientSidePolicy = definePolicy<{ orgId: string }, 'read'>({
  label: "The client's side of the relationship",
  collection: true,
  actions: { read: { permission: 'governance.read' } },
});
