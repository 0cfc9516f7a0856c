import { definePolicy } from '../../policy.ts';
import type { ActionRow, AssetRow, PlanRow, StepFileRow, StepWithPlan, VendorAccountRow } from './exit.repo.ts';

/** The organisation's exit template, weights and threshold: read by readers, set by those who manage the organisation. */
export const exitSettingsPolicy = definePolicy<{ orgId: string }, 'read' | 'update'>({
  label: 'The exit settings',
  collection: true,
  actions: { read: { permission: 'exit.read' }, update: { permission: 'org.manage' } },
});

/** An engagement's exit as a whole (its page, the portfolio of readiness): internal users only. */
export const exitViewPolicy = definePolicy<{ orgId: string }, 'read' | 'write'>({
  label: 'Exit readiness',
  collection: true,
  actions: { read: { permission: 'exit.read' }, write: { permission: 'exit.write' } },
});

export const assetPolicy = definePolicy<AssetRow, 'create' | 'update' | 'verify' | 'delete'>({
  label: 'The exit asset',
  actions: { create: { permission: 'exit.write' }, update: { permission: 'exit.write' }, verify: { permission: 'exit.write' }, delete: { permission: 'exit.write' } },
});

export const vendorAccountPolicy = definePolicy<VendorAccountRow, 'create' | 'update' | 'revoke'>({
  label: 'The vendor account',
  actions: {
    create: { permission: 'exit.write' },
    update: { permission: 'exit.write' },
    revoke: { permission: 'exit.write', when: (a) => a.revokedOn === null || `This account was already revoked on ${a.revokedOn}.` },
  },
});

const planIs = (p: PlanRow) => (p.status === 'running' ? 'The exit is in progress' : p.status === 'done' ? 'The exit is completed' : 'The exit has not started');

/**
 * A plan is edited while it is a draft; starting it dates its steps and freezes them. A
 * completed exit stays so.
 */
export const planPolicy = definePolicy<PlanRow, 'create' | 'update' | 'review' | 'start'>({
  label: 'The exit plan',
  actions: {
    create: { permission: 'exit.write' },
    update: { permission: 'exit.write', when: (p) => p.status === 'draft' || `${planIs(p)}; the plan can no longer be edited.` },
    review: { permission: 'exit.write', when: (p) => p.status !== 'done' || `${planIs(p)}; there is nothing left to review.` },
    start: { permission: 'exit.write', when: (p) => p.status === 'draft' || `${planIs(p)}; it can be started only once.` },
  },
});

const openForHandIn = (s: StepWithPlan) => (s.planStatus === 'running' && s.status !== 'done') || (s.status === 'done' ? 'This step is already done.' : 'The exit is completed; nothing more can be handed in.');

/**
 * A step of a running exit. The client ticks steps off; a vendor contact sees its own
 * vendor's steps that the vendor owns, and hands them in with a note (never the internal note).
 */
export const stepPolicy = definePolicy<StepWithPlan, 'update' | 'listOwn' | 'deliver' | 'upload'>({
  label: 'The exit step',
  vendorOf: (s) => s.vendorId,
  visible: (s, actor) => actor.role !== 'vendor_contact' || (s.owner === 'vendor' && s.planStatus !== 'draft'),
  actions: {
    update: { permission: 'exit.write', when: (s) => s.planStatus === 'running' || `${planIs({ status: s.planStatus } as PlanRow)}; steps are ticked off while it runs.` },
    listOwn: { permission: 'portal.use' },
    deliver: { permission: 'portal.use', when: (s) => openForHandIn(s) },
    upload: { permission: 'portal.use', when: (s) => openForHandIn(s) },
  },
});

export const actionPolicy = definePolicy<ActionRow, 'create' | 'update'>({
  label: 'The exit action',
  actions: { create: { permission: 'exit.write' }, update: { permission: 'exit.write' } },
});

/** A file the vendor handed over with a step: seen by the client's users and by the vendor's own contacts. */
export const stepFilePolicy = definePolicy<StepFileRow, 'read'>({
  label: 'The handed-over file',
  vendorOf: (f) => f.vendorId,
  actions: { read: { permission: ['exit.read', 'portal.use'] } },
});
