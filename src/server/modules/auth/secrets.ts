import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A URL-safe random secret with 256 bits of entropy. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256; they have full entropy, so no salt is needed. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// @node-rs/argon2 defaults to argon2id; these costs follow OWASP's minimum (19 MiB, t=2).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  // Compare against a fixed hash when the user has none, so timing does not reveal it.
  try {
    return await verify(hashed ?? (await dummyHash()), password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(newSecret());
  return dummy;
}
