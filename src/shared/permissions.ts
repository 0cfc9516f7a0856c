import type { Role } from './contracts/auth.ts';

/**
 * The role → permission table, shared by the server's policies and the web UI (which
 * only hides what the server would refuse anyway). Keep it declarative: a permission is
 * granted to a role or it is not; object-level rules (same organisation, same vendor)
 * live in the server's policies.
 */
export const PERMISSIONS = {
  'vendor.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'vendor.write': ['owner', 'admin', 'manager'],
  'engagement.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'engagement.write': ['owner', 'admin', 'manager'],
  'audit.read': ['owner', 'admin', 'auditor'],
  'user.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'user.manage': ['owner', 'admin'],
  'org.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'org.manage': ['owner', 'admin'],
  'token.own': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'dashboard.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'portal.use': ['vendor_contact'],
  'sla.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'sla.write': ['owner', 'admin', 'manager'],
  'ticket.import': ['owner', 'admin', 'manager', 'analyst'],
  'assessment.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'assessment.write': ['owner', 'admin', 'manager'],
  'template.write': ['owner', 'admin', 'manager'],
  'evidence.write': ['owner', 'admin', 'manager'],
  // Contracts, their clause review, deliverables and payments (a vendor contact sees its deliverables through the portal only).
  'contract.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'contract.write': ['owner', 'admin', 'manager'],
  /** Marking a payment paid although its milestone is not accepted: a decision, kept to those who manage the organisation. */
  'payment.override': ['owner', 'admin'],
  // Cost control: budgets, rate cards and invoices are the client's alone (never a vendor contact's).
  'cost.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'cost.write': ['owner', 'admin', 'manager'],
  /** Letting an invoice through a failing check (with a reason): a decision, kept to those who manage the organisation. */
  'invoice.override': ['owner', 'admin'],
  // Exit readiness: assets, fallback, plans, drills (a vendor contact sees only its handover steps of a running exit, in the portal).
  'exit.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'exit.write': ['owner', 'admin', 'manager'],
  // The risk register, its signals, concentration and what-if: internal only; auditors read, never change.
  'risk.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'risk.write': ['owner', 'admin', 'manager'],
  /** Accepting a risk is a decision of those who manage the organisation; the approver is recorded. */
  'risk.accept': ['owner', 'admin'],
  // Choosing a vendor: the client's alone; a candidate's contact sees only its own request for information, in the portal.
  'sourcing.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'sourcing.write': ['owner', 'admin', 'manager'],
  /** Scoring candidates, recording references and interviews: each evaluator scores on their own. */
  'sourcing.score': ['owner', 'admin', 'manager', 'analyst'],
  /** A pilot's go / no-go: it makes a prospect an active vendor and opens a contract. */
  'sourcing.decide': ['owner', 'admin'],
  // Governance: contacts, escalation, meetings, minutes and action items (a vendor contact sees its side's actions through the portal only).
  'governance.read': ['owner', 'admin', 'manager', 'analyst', 'auditor'],
  'governance.write': ['owner', 'admin', 'manager'],
  /** One's own sign-in: authenticator, password, sessions. */
  'account.own': ['owner', 'admin', 'manager', 'analyst', 'auditor', 'vendor_contact'],
  /** The organisation's sign-in rules (requiring two-step sign-in): its owners decide. */
  'org.security': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles an actor may hand out: only an owner can make another owner. */
export function assignableRoles(actorRole: Role): Role[] {
  if (actorRole === 'owner') return ['owner', 'admin', 'manager', 'analyst', 'auditor', 'vendor_contact'];
  if (actorRole === 'admin') return ['admin', 'manager', 'analyst', 'auditor', 'vendor_contact'];
  return [];
}
