import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import * as repo from './security.repo.ts';
import { decryptSecret, encryptSecret, keyFromConfig, sha256 } from './secrets.ts';

// TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps — what every authenticator app reads.
// One step either side is accepted for clock drift, and each step works only once.
const PERIOD = 30;
const ISSUER = 'Outsight';
const RECOVERY_CODES = 10;

const keys = new WeakMap<Db, Promise<Buffer>>();

/** The key that encrypts authenticator secrets: OUTSIGHT_SECRET_KEY, or one kept in the database. */
function secretsKey(db: Db, config: Pick<Config, 'secretKey'>): Promise<Buffer> {
  if (config.secretKey) return Promise.resolve(keyFromConfig(config.secretKey));
  let k = keys.get(db);
  if (!k) {
    k = repo.serverKeyAcrossOrgs(db, 'secrets', randomBytes(32).toString('base64')).then((v) => Buffer.from(v, 'base64'));
    keys.set(db, k);
  }
  return k;
}

function totpOf(secretBase32: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD);

export interface Enrolment {
  /** The secret in Base32, for typing into an app that cannot scan. */
  secret: string;
  uri: string;
  /** The QR code of `uri`, an SVG as a data URL. */
  qrCode: string;
}

/** Whose authenticator: a person's (it serves every organisation they belong to). */
export interface MfaUser {
  personId: string;
  email: string;
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, not yet enabled. */
export async function beginEnrolment(db: Db, config: Pick<Config, 'secretKey'>, user: MfaUser, now: Date): Promise<Enrolment> {
  const existing = await repo.findMfaOfPerson(db, user.personId);
  if (existing?.enabledAt) throw new AppError('conflict', 'Two-step sign-in is already on. Turn it off first to use another authenticator.');
  const secret = new Secret({ size: 20 }).base32;
  await repo.upsertPendingMfaOfPerson(db, { personId: user.personId, secretEncrypted: encryptSecret(await secretsKey(db, config), secret), createdAt: now });
  const uri = totpOf(secret, user.email).toString();
  // Loaded when someone enrols, not on every start.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The step a TOTP code is valid for (one step of drift either way), or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totpOf(secret, 'x').validate({ token: digits, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}

/** Confirms enrolment with a first code; returns the recovery codes (shown once). */
export async function confirmEnrolment(db: Db, config: Pick<Config, 'secretKey'>, user: MfaUser, code: string, now: Date): Promise<string[]> {
  const row = await repo.findMfaOfPerson(db, user.personId);
  if (!row) throw new AppError('conflict', 'Start setting up the authenticator first.');
  if (row.enabledAt) throw new AppError('conflict', 'Two-step sign-in is already on.');
  const step = matchingStep(decryptSecret(await secretsKey(db, config), row.secretEncrypted), code, now);
  if (step === null) throw AppError.invalid('code', 'This code is not correct. Enter the 6 digits your authenticator app shows now.');
  await repo.enableMfaOfPerson(db, user.personId, now, step);
  return newRecoveryCodes(db, user, now);
}

/** Ten new recovery codes replace the old ones; only their hashes are kept. */
export async function newRecoveryCodes(db: Db, user: MfaUser, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
  await repo.replaceRecoveryCodesOfPerson(db, user.personId, codes.map((c) => sha256(normaliseRecoveryCode(c))), now);
  return codes;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function recoveryCode(): string {
  // 16 characters of a 31-letter alphabet: about 79 bits, shown as four groups of four.
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
const normaliseRecoveryCode = (c: string) => c.toLowerCase().replace(/[^a-z0-9]/g, '');

export async function mfaEnabled(db: Db, personId: string): Promise<boolean> {
  const row = await repo.findMfaOfPerson(db, personId);
  return Boolean(row?.enabledAt);
}

/**
 * Checks a second factor: a current authenticator code (each step once) or an unused
 * recovery code (each once). Says which one worked, or null.
 */
export async function verifySecondFactor(db: Db, config: Pick<Config, 'secretKey'>, user: Pick<MfaUser, 'personId'>, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
  const row = await repo.findMfaOfPerson(db, user.personId);
  if (!row?.enabledAt) return null;
  const step = matchingStep(decryptSecret(await secretsKey(db, config), row.secretEncrypted), code, now);
  if (step !== null) return (await repo.claimMfaStepOfPerson(db, user.personId, step)) ? 'totp' : null;
  const normal = normaliseRecoveryCode(code);
  if (normal.length !== 16) return null;
  return (await repo.claimRecoveryCodeOfPerson(db, user.personId, sha256(normal), now)) ? 'recovery' : null;
}

export async function turnOffMfa(db: Db, personId: string): Promise<void> {
  await repo.deleteMfaOfPerson(db, personId);
}

export async function mfaStatusOfPerson(db: Db, personId: string) {
  const row = await repo.findMfaOfPerson(db, personId);
  return {
    enabled: Boolean(row?.enabledAt),
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft: row?.enabledAt ? await repo.countUnusedRecoveryCodesOfPerson(db, personId) : 0,
  };
}

export async function orgRequiresMfa(db: Db, orgId: string): Promise<boolean> {
  return (await repo.findOrgSecurity(db, orgId))?.requireMfa ?? false;
}
