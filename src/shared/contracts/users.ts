import { z } from 'zod';
import { Email, Password, Role } from './auth.ts';
import { requiredText } from './common.ts';

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  vendorId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserUpdate = z
  .object({ name: requiredText(200), role: Role, vendorId: z.uuid().nullable(), disabled: z.boolean() })
  .partial()
  .strict();

export const InvitationCreate = z
  .object({ email: Email, role: Role, vendorId: z.uuid().nullable().optional() })
  .strict()
  .refine((v) => v.role !== 'vendor_contact' || !!v.vendorId, { message: 'A vendor contact needs a vendor', path: ['vendorId'] });

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  vendorId: z.string().nullable(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
});
/** The link is returned once, at creation; only its hash is stored. */
export const InvitationCreated = Invitation.extend({ link: z.string(), token: z.string() });

export const InvitationPreview = z.object({ email: z.string(), role: Role, orgName: z.string() });
export const InvitationAccept = z.object({ name: requiredText(200), password: Password }).strict();

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export const ApiTokenCreate = z
  .object({ name: requiredText(100), expiresInDays: z.number().int().min(1).max(3650).nullable().optional() })
  .strict();
/** The secret is shown once, at creation; only its hash is stored. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
