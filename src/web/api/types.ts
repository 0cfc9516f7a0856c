import type { z } from 'zod';
import type { AuditEvent } from '../../shared/contracts/audit.ts';
import type { OwnerDashboard } from '../../shared/contracts/dashboard.ts';
import type { Me, Memberships } from '../../shared/contracts/auth.ts';
import type { Contract, ContractImportResult, ContractSettings, CustomKeyDate, KeyDatesView } from '../../shared/contracts/contracts.ts';
import type { Engagement } from '../../shared/contracts/engagements.ts';
import type {
  ApiToken,
  ApiTokenCreated,
  Invitation,
  InvitationCreated,
  InvitationPreview,
  User,
} from '../../shared/contracts/users.ts';
import type { ImportRejection, Vendor, VendorImportResult } from '../../shared/contracts/vendors.ts';

/** Response shapes of the API, inferred from the shared zod contracts. */
export type MeT = z.infer<typeof Me>;
export type MembershipsT = z.infer<typeof Memberships>;
export type UserT = z.infer<typeof User>;
export type InvitationT = z.infer<typeof Invitation>;
export type InvitationCreatedT = z.infer<typeof InvitationCreated>;
export type InvitationPreviewT = z.infer<typeof InvitationPreview>;
export type ApiTokenT = z.infer<typeof ApiToken>;
export type ApiTokenCreatedT = z.infer<typeof ApiTokenCreated>;
export type VendorT = z.infer<typeof Vendor>;
export type EngagementT = z.infer<typeof Engagement>;
export type ContractT = z.infer<typeof Contract>;
export type CustomKeyDateT = z.infer<typeof CustomKeyDate>;
export type KeyDatesViewT = z.infer<typeof KeyDatesView>;
export type ContractSettingsT = z.infer<typeof ContractSettings>;
export type ContractImportResultT = z.infer<typeof ContractImportResult>;
export type AuditEventT = z.infer<typeof AuditEvent>;
export type DashboardT = z.infer<typeof OwnerDashboard>;
export type ImportRejectionT = z.infer<typeof ImportRejection>;
export type VendorImportResultT = z.infer<typeof VendorImportResult>;

/**
 * A keyset page: `nextCursor` is set exactly when more rows exist; `total` where the UI shows
 * one; `truncated` when a view had to stop early and says so rather than hiding it.
 */
export interface PageT<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  truncated?: boolean;
}

export interface OrgT {
  id: string;
  name: string;
}

export interface PortalT {
  vendor: { id: string; name: string };
  org: { name: string };
}
