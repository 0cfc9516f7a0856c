import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
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

// Secrets that must be read back (an authenticator's TOTP secret) are encrypted with
// AES-256-GCM. The key is OUTSIGHT_SECRET_KEY when set (keep it outside the database, so a
// stolen dump alone reveals nothing); otherwise one made once and kept in the database.

/** A 32-byte key from OUTSIGHT_SECRET_KEY (any long random string). */
export function keyFromConfig(secretKey: string): Buffer {
  return createHash('sha256').update(`outsight-secrets:${secretKey}`).digest();
}

export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

export function decryptSecret(key: Buffer, sealed: string): string {
  const [v, iv, tag, body] = sealed.split(':');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unreadable encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
