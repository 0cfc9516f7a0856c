import { Secret, TOTP } from 'otpauth';
import type { User } from '../../../shared/contracts/users.ts';
import { beginEnrolment, confirmEnrolment, personIdOf } from '../../modules/auth/auth.public.ts';
import type { World } from './core.ts';

type Someone = Pick<User, 'id' | 'email'> & { orgId: string };

/** An authenticator enrolment started but not confirmed (the screen showing the QR code). */
export async function aPendingAuthenticator(world: World, user: Someone, at = new Date()) {
  return beginEnrolment(world.db, world.config, { personId: await personIdOf(world.db, user.orgId, user.id), email: user.email }, at);
}

/**
 * Two-step sign-in turned on for a user, as the person would (scan, type the current code).
 * Returns the secret, so a test can compute later codes, and the recovery codes.
 */
export async function anAuthenticator(world: World, user: Someone, at = new Date()): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await aPendingAuthenticator(world, user, at);
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
  const recoveryCodes = await confirmEnrolment(world.db, world.config, { personId: await personIdOf(world.db, user.orgId, user.id), email: user.email }, code, at);
  return { secret, recoveryCodes };
}
