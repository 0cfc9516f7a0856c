import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneSignInRecords } from '../../src/server/modules/auth/auth.public.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, PASSWORD, type TestOrg, type TestUser } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const login = (payload: Record<string, string>, ip = '10.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip, headers });
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => `outsight_session=${res.cookies.find((c) => c.name === 'outsight_session')!.value}`;
/** An authenticator app: the code for a moment, from the secret the enrolment showed. */
const codeAt = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** Turns on two-step sign-in for a user through the API; returns the secret and recovery codes. */
async function enrol(user: TestUser) {
  const l = await loginAs(t.database.db, user);
  const setup = await t.app.inject({ method: 'POST', url: '/api/v1/account/mfa/setup', headers: authHeaders(l) });
  expect(setup.statusCode).toBe(200);
  const { secret, qrCode, uri } = setup.json();
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(uri).toContain('otpauth://totp/');
  const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/account/mfa/confirm', headers: authHeaders(l), payload: { code: codeAt(secret) } });
  expect(confirm.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[], login: l };
}

describe('login rate limit (case 12)', () => {
  it('checks at most the limit of 50 parallel wrong passwords, and the right one among them fails while locked', async () => {
    const o = await createTestOrg(t.database.db);
    const email = o.users.analyst.email;
    const wrong = Array.from({ length: 50 }, (_, i) => login({ email, password: `wrong password ${i}` }, `10.12.0.${i}`));
    const right = login({ email, password: PASSWORD }, '10.12.1.1');
    const answers = await Promise.all([...wrong, right]);
    const checked = answers.filter((r) => r.statusCode !== 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.at(-1)!.statusCode).toBe(429);
    // Still locked afterwards, for the right password too.
    expect((await login({ email, password: PASSWORD }, '10.12.1.2')).statusCode).toBe(429);
  });

  it('locks an account for longer each time (exponential backoff)', async () => {
    const o = await createTestOrg(t.database.db);
    const email = o.users.auditor.email;
    const fail5 = async () => {
      for (let i = 0; i < 5; i++) expect((await login({ email, password: 'bad password!' })).statusCode).toBe(401);
    };
    await fail5();
    const first = await login({ email, password: PASSWORD });
    expect(first.statusCode).toBe(429);
    expect(first.json().error.details.retryAfterSeconds).toBe(300);
    t.clock.offsetMs = 301_000;
    try {
      await fail5();
      const second = await login({ email, password: PASSWORD });
      expect(second.statusCode).toBe(429);
      expect(second.json().error.details.retryAfterSeconds).toBe(600);
      expect(second.json().error.message).toContain('10 minutes');
      t.clock.offsetMs = 301_000 + 601_000;
      expect((await login({ email, password: PASSWORD })).statusCode).toBe(200);
    } finally {
      t.clock.offsetMs = 0;
    }
    expect(await trailOf(o)).toContain('locked account');
  });
});

describe('lockouts cannot be abused (case 13)', () => {
  it('30 failures from an office address do not lock its other people out; the address cap is coarse', async () => {
    const o = await createTestOrg(t.database.db);
    for (let i = 0; i < 30; i++) expect((await login({ email: `spray${i}@nowhere.test`, password: 'bad password!' }, '10.13.0.1')).statusCode).toBe(401);
    expect((await login({ email: o.users.owner.email, password: PASSWORD }, '10.13.0.1')).statusCode).toBe(200);
    for (let i = 30; i < 100; i++) await login({ email: `spray${i}@nowhere.test`, password: 'bad password!' }, '10.13.0.1');
    const capped = await login({ email: o.users.manager.email, password: PASSWORD }, '10.13.0.1');
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.message).toContain('from your network');
  });

  it('housekeeping drops sign-in records older than a day and keeps the ones that still throttle', async () => {
    for (let i = 0; i < 3; i++) await login({ email: 'old-spray@nowhere.test', password: 'bad password!' }, '10.14.0.1');
    const rows = async () => {
      const r = await t.database.db.execute("select count(*)::int as throttles from sign_in_throttles where key like '%old-spray%' or key like '%10.14.0.1%'");
      return (r as unknown as { rows: Array<{ throttles: number }> }).rows[0].throttles;
    };
    expect(await rows()).toBeGreaterThan(0);
    await pruneSignInRecords(t.database.db, new Date());
    expect(await rows()).toBeGreaterThan(0); // still inside its window: it must keep counting
    await pruneSignInRecords(t.database.db, new Date(Date.now() + 25 * 3_600_000));
    expect(await rows()).toBe(0);
  });

  it('a correct password plus an authenticator code passes an account lock; a wrong code or no code does not', async () => {
    const o = await createTestOrg(t.database.db);
    const { secret } = await enrol(o.users.manager);
    const email = o.users.manager.email;
    for (let i = 0; i < 5; i++) await login({ email, password: 'bad password!' });
    expect((await login({ email, password: PASSWORD })).statusCode).toBe(429);
    expect((await login({ email, password: PASSWORD, code: '000000' === codeAt(secret) ? '111111' : '000000' })).statusCode).toBe(429);
    // Enrolment used the current step's code; move on so the app sees fresh ones.
    let through;
    t.clock.offsetMs = 60_000;
    try {
      expect((await login({ email, password: 'bad password!', code: codeAt(secret, Date.now() + 60_000) })).statusCode).toBe(401);
      t.clock.offsetMs = 90_000;
      through = await login({ email, password: PASSWORD, code: codeAt(secret, Date.now() + 90_000) });
    } finally {
      t.clock.offsetMs = 0;
    }
    expect(through.statusCode).toBe(200);
    expect(through.json().user.email).toBe(email);
    // The user without an authenticator stays locked, whatever code comes along.
    const plain = o.users.analyst.email;
    for (let i = 0; i < 5; i++) await login({ email: plain, password: 'bad password!' });
    expect((await login({ email: plain, password: PASSWORD, code: '123456' })).statusCode).toBe(429);
  });

  it('behind OUTSIGHT_TRUST_PROXY=1, rotating X-Forwarded-For does not escape the address cap', async () => {
    const proxied = await createTestApp({ trustProxy: 1 });
    try {
      const o = await createTestOrg(proxied.database.db);
      const viaProxy = (email: string, password: string, forged: string) =>
        proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } });
      for (let i = 0; i < 100; i++) await viaProxy(`rot${i}@nowhere.test`, 'bad password!', `198.51.100.${i}`);
      expect((await viaProxy(o.users.owner.email, PASSWORD, '198.51.100.250')).statusCode).toBe(429);
      // Another client behind the same proxy is its own address.
      const other = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: o.users.owner.email, password: PASSWORD }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.8' } });
      expect(other.statusCode).toBe(200);
      const sessions = await proxied.app.inject({ method: 'GET', url: '/api/v1/account/sessions', headers: { cookie: cookieOf(other) } });
      expect(sessions.json().items[0].address).toBe('203.0.113.8');
    } finally {
      await proxied.close();
    }
  });

  it('reads OUTSIGHT_TRUST_PROXY as hops or proxy addresses, never "trust everyone"', async () => {
    const { loadConfig } = await import('../../src/server/config.ts');
    const base = { OUTSIGHT_DATA_DIR: '/nonexistent' };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, OUTSIGHT_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, OUTSIGHT_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, OUTSIGHT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, OUTSIGHT_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => loadConfig({ ...base, OUTSIGHT_TRUST_PROXY: 'everyone' })).toThrow(/OUTSIGHT_TRUST_PROXY/);
  });
});

describe('two-step sign-in (case 14)', () => {
  let o: TestOrg;
  beforeAll(async () => {
    o = await createTestOrg(t.database.db);
  });

  it('asks for a code after the password; a code works once; a recovery code works once', async () => {
    const { secret, recoveryCodes } = await enrol(o.users.admin);
    expect(recoveryCodes).toHaveLength(10);
    const email = o.users.admin.email;
    const first = await login({ email, password: PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json().step).toBe('code');
    expect(first.cookies.find((c) => c.name === 'outsight_session')).toBeUndefined();
    const { challenge } = first.json();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge, code: 'nope' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('code');
    const code = codeAt(secret, Date.now() + 30_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge, code } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(ok) } })).statusCode).toBe(200);
    // The challenge is used up, and the same code is refused for a new one.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge, code } })).statusCode).toBe(410);
    const again = (await login({ email, password: PASSWORD })).json().challenge;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge: again, code } })).statusCode).toBe(400);
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge: again, code: recoveryCodes[0].toUpperCase() } });
    expect(rec.statusCode).toBe(200);
    const third = (await login({ email, password: PASSWORD })).json().challenge;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge: third, code: recoveryCodes[0] } })).statusCode).toBe(400);
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/account/security', headers: { cookie: cookieOf(rec) } });
    expect(status.json().mfa).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
  });

  it('keeps the secret encrypted and the recovery codes hashed', async () => {
    const { secret, recoveryCodes } = await enrol(o.users.auditor);
    const dump = JSON.stringify(await t.database.db.execute('select * from user_mfa, mfa_recovery_codes'));
    expect(dump).not.toContain(secret);
    for (const c of recoveryCodes) expect(dump).not.toContain(c);
  });

  it('an organisation that requires it sends users without it to enrolment at their next sign-in', async () => {
    const org = await createTestOrg(t.database.db);
    const owner = await loginAs(t.database.db, org.users.owner);
    const early = await t.app.inject({ method: 'PUT', url: '/api/v1/org/security', headers: authHeaders(owner), payload: { requireMfa: true } });
    expect(early.statusCode).toBe(400);
    await enrol(org.users.owner);
    const admin = await loginAs(t.database.db, org.users.admin);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/org/security', headers: authHeaders(admin), payload: { requireMfa: true } })).statusCode).toBe(403);
    const on = await t.app.inject({ method: 'PUT', url: '/api/v1/org/security', headers: authHeaders(owner), payload: { requireMfa: true } });
    expect(on.statusCode).toBe(200);
    const step = await login({ email: org.users.analyst.email, password: PASSWORD });
    expect(step.json().step).toBe('enrol');
    const { challenge } = step.json();
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/enrol', payload: { challenge } });
    expect(setup.statusCode).toBe(200);
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/enrol/confirm', payload: { challenge, code: codeAt(setup.json().secret) } });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect(done.json().me.user.email).toBe(org.users.analyst.email);
    // Required: it cannot be turned off.
    const off = await t.app.inject({ method: 'POST', url: '/api/v1/account/mfa/disable', headers: { cookie: cookieOf(done), 'x-csrf-token': done.json().me.csrfToken }, payload: { password: PASSWORD } });
    expect(off.statusCode).toBe(409);
    const trail = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=200', headers: authHeaders(owner) });
    const words = JSON.stringify(trail.json());
    expect(words).toContain('turned on two-step sign-in');
    expect(words).toContain('changed sign-in rules');
  });
});

describe('passwords (case 14)', () => {
  it('refuses weak passwords by length and by the common-password check', async () => {
    const o = await createTestOrg(t.database.db);
    const l = await loginAs(t.database.db, o.users.manager);
    for (const weak of ['aaaaaaaaaa', '1234567890', '          ', 'password123', 'short']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: authHeaders(l), payload: { currentPassword: PASSWORD, newPassword: weak } });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('newPassword');
    }
  });

  it('changes with the current password; other sessions end, this one stays', async () => {
    const o = await createTestOrg(t.database.db);
    const here = await loginAs(t.database.db, o.users.analyst);
    const elsewhere = await loginAs(t.database.db, o.users.analyst);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: authHeaders(here), payload: { currentPassword: 'not it at all', newPassword: 'marble otter lantern quay' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('currentPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: authHeaders(here), payload: { currentPassword: PASSWORD, newPassword: 'marble otter lantern quay' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    expect((await login({ email: o.users.analyst.email, password: 'marble otter lantern quay' }, '10.14.0.1')).statusCode).toBe(200);
  });

  it('resets by an e-mailed single-use link, answering alike whether the address exists', async () => {
    const o = await createTestOrg(t.database.db);
    const email = o.users.manager.email;
    const ask = (e: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: e }, remoteAddress: '10.14.1.1' });
    const known = await ask(email);
    const unknown = await ask('nobody-here@nowhere.test');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.json()).toEqual(unknown.json());
    expect(smtp.inbox.some((m) => m.to.includes('nobody-here@nowhere.test'))).toBe(false);
    const mail = await waitForMail(email);
    const token = /https:\/\/outsight\.example\/reset-password\/(pr_[\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: '1234567890' } });
    expect(weak.statusCode).toBe(400);
    const set = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'heron violet gravel spoon' } });
    expect(set.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'another fine phrase here' } })).statusCode).toBe(410);
    expect((await login({ email, password: 'heron violet gravel spoon' }, '10.14.1.2')).statusCode).toBe(200);
    expect((await login({ email, password: PASSWORD }, '10.14.1.3')).statusCode).toBe(401);
    const trail = await trailOf(o);
    expect(trail).toContain('asked for a password reset link');
    expect(trail).toContain('reset password');
  });

  it('a reset link expires after an hour', async () => {
    const o = await createTestOrg(t.database.db);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: o.users.auditor.email }, remoteAddress: '10.14.2.1' });
    const token = /reset-password\/(pr_[\w-]+)/.exec((await waitForMail(o.users.auditor.email)).text)![1];
    t.clock.offsetMs = 3_600_001;
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'heron violet gravel spoon' } })).statusCode).toBe(410);
    } finally {
      t.clock.offsetMs = 0;
    }
  });
});

describe('sessions', () => {
  it('lists mine with the browser in words, and signs out the others', async () => {
    const o = await createTestOrg(t.database.db);
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
    const a = await login({ email: o.users.manager.email, password: PASSWORD }, '10.15.0.1', { 'user-agent': ua });
    const b = await login({ email: o.users.manager.email, password: PASSWORD }, '10.15.0.2', { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/account/sessions', headers: { cookie: cookieOf(a) } });
    const items = list.json().items as Array<{ device: string; address: string; current: boolean }>;
    expect(items.map((i) => i.device).sort()).toEqual(['Firefox on Windows', 'Safari on iPhone']);
    expect(items.find((i) => i.current)?.address).toBe('10.15.0.1');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/account/sessions/sign-out-others', headers: { cookie: cookieOf(a), 'x-csrf-token': a.json().csrfToken } });
    expect(out.json().ended).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(b) } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(a) } })).statusCode).toBe(200);
  });
});

/** The organisation's audit trail in words, as its owner reads it. */
async function trailOf(o: TestOrg): Promise<string> {
  const owner = await loginAs(t.database.db, o.users.owner);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=200', headers: authHeaders(owner) });
  expect(res.statusCode).toBe(200);
  return JSON.stringify(res.json());
}

async function waitForMail(to: string) {
  for (let i = 0; i < 200; i++) {
    const m = [...smtp.inbox].reverse().find((x) => x.to.includes(to));
    if (m) return m;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`no mail to ${to}`);
}
