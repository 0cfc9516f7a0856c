import { z } from 'zod';
import { requiredText } from './common.ts';

export const ROLES = ['owner', 'admin', 'manager', 'analyst', 'auditor', 'vendor_contact'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  manager: 'Manager',
  analyst: 'Analyst',
  auditor: 'Auditor',
  vendor_contact: 'Vendor contact',
};

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Expected an e-mail address' }));
export const Password = z.string().min(10, 'At least 10 characters').max(200);

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().max(254).refine((v) => !v.includes('\u0000'), 'Contains a NUL character'),
  password: z.string().max(200),
  /** An authenticator or recovery code: needed when the account is locked, or to sign in in one step. */
  code: z.string().trim().max(40).optional(),
});

export const Me = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    vendorId: z.string().nullable(),
  }),
  org: z.object({ id: z.string(), name: z.string() }),
  /** Echo this in the X-CSRF-Token header on every cookie-authenticated change. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

/** One organisation the signed-in person belongs to. */
export const Membership = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  role: Role,
  /** The organisation the session acts in now. */
  current: z.boolean(),
});
export const Memberships = z.object({ items: z.array(Membership) });
export type Memberships = z.infer<typeof Memberships>;

export const SwitchOrganisation = z.object({ orgId: z.uuid() }).strict();

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export const SetupRequest = z.object({
  orgName: requiredText(200),
  name: requiredText(200),
  email: Email,
  password: Password,
});
