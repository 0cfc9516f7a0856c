import { Secret, TOTP } from 'otpauth';
import type { Ctx } from '../context.ts';
import { confirmMfaSetup, signOutOthers, startMfaSetup } from '../modules/auth/auth.public.ts';
import { createUser } from '../modules/users/users.public.ts';

/**
 * Sign-in security in the demo, without touching the demo logins (they sign in with the
 * password alone): the IT security lead, who is not a demo login, turned on two-step
 * sign-in (the audit trail says so); the organisation does not require it yet, which the
 * owner can switch on in Settings → Security once their own is on.
 */
export async function seedDemoSecurity(ctx: Ctx, password: string): Promise<void> {
  const lead = await createUser(ctx, { email: 'priya.security@demo.outsight.test', name: 'Priya Nair (IT security)', role: 'admin', password });
  const asLead: Ctx = { ...ctx, actor: { ...ctx.actor, userId: lead.id, role: 'admin', email: lead.email, name: lead.name } };
  const { secret } = await startMfaSetup(asLead);
  // What her authenticator app showed at that moment.
  await confirmMfaSetup(asLead, new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ctx.now.getTime() }));
  await signOutOthers(asLead);
}
