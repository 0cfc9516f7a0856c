import { z } from 'zod';
import { Me } from './auth.ts';

// Two-step sign-in, password change and reset, sessions (auth and users modules).

const Code = z.string().trim().min(1, 'Required').max(40);
const Token = z.string().trim().min(1, 'Required').max(200);

/** After a right password, what is still needed: a code, or setting up an authenticator first. */
export const LoginStep = z.object({
  step: z.enum(['code', 'enrol']),
  /** Hand back with the code (single-use, expires after 10 minutes). */
  challenge: z.string(),
  message: z.string(),
});
export type LoginStep = z.infer<typeof LoginStep>;
export const LoginResponse = z.union([Me, LoginStep]);

export const LoginCodeRequest = z.object({ challenge: Token, code: Code }).strict();
export const EnrolStartRequest = z.object({ challenge: Token }).strict();
export const EnrolConfirmRequest = z.object({ challenge: Token, code: Code }).strict();

export const Enrolment = z.object({
  /** Base32, for apps that cannot scan. */
  secret: z.string(),
  uri: z.string(),
  /** An SVG QR code of `uri` as a data URL. */
  qrCode: z.string(),
});
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const EnrolledSignIn = z.object({ me: Me, recoveryCodes: z.array(z.string()) });

export const AccountSecurity = z.object({
  mfa: z.object({ enabled: z.boolean(), enabledAt: z.string().nullable(), recoveryCodesLeft: z.number().int() }),
  orgRequiresMfa: z.boolean(),
  hasPassword: z.boolean(),
});
export type AccountSecurity = z.infer<typeof AccountSecurity>;

export const MfaConfirmRequest = z.object({ code: Code }).strict();
export const PasswordProof = z.object({ password: z.string().min(1, 'Required').max(200) }).strict();

export const PasswordChangeRequest = z
  .object({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: z.string().max(200) })
  .strict();
export const PasswordResetRequest = z
  .object({ email: z.string().trim().toLowerCase().min(1, 'Required').max(254).refine((v) => !v.includes('\u0000'), 'Contains a NUL character') })
  .strict();
export const PasswordResetConfirm = z.object({ token: Token, password: z.string().max(200) }).strict();
export const MessageResponse = z.object({ ok: z.literal(true), message: z.string() });

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  address: z.string().nullable(),
  /** The browser and system in words ("Firefox on Windows"). */
  device: z.string(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionInfo) });
export const SignedOutOthers = z.object({ ok: z.literal(true), ended: z.number().int() });

export const OrgSecuritySettings = z.object({ requireMfa: z.boolean() });
export const OrgSecurityUpdate = z.object({ requireMfa: z.boolean() }).strict();
