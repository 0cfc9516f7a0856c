import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VENDOR_CSV_HEADER, cleanEnv, json, runCli, tempDir } from './helpers.ts';

// One data directory for the whole file: PGlite's first start (initdb) costs 5-10 s, so
// the organisation is created once and the tests build on each other in order.
const dir = tempDir('direct');
const dataDir = path.join(dir, 'data');
const migrateDir = tempDir('migrate');
const env = { OUTSIGHT_DATA_DIR: dataDir };
const cli = (args: string[], extra: Record<string, string> = {}, input?: string) => runCli(args, { ...env, ...extra }, { input });
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

type Vendor = { name: string; kind: string; status: string; tier: number; country: string | null; tags: string[]; notes: string | null; contactEmail: string | null; updatedAt: string };
const listVendors = async (...args: string[]) => {
  const r = await cli(['vendors', 'list', '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return json<{ items: Vendor[] }>(r).items;
};

const VENDORS_CSV = [
  VENDOR_CSV_HEADER,
  'Acme Managed IT,Acme Managed IT GmbH,https://acme.example,de,managed_service_provider,active,1,Runs the network,confidential,Ann Berg,ann@acme.example,+49 30 1234,Europe/Berlin,network;critical,"Two-line',
  'note"',
  'CloudDesk,,https://clouddesk.example,US,saas,pilot,2,,personal_data,,,,,sso,',
  'HelpPoint Service Desk,,,IE,help_desk,prospect,3,,none,,,,,,=cmd()',
].join('\n');

let created: { user: { email: string; role: string }; org: { name: string; created: boolean } };

beforeAll(async () => {
  const r = await cli(['users', 'create', '--org-name', 'Acme Corp', '--email', 'Owner@Acme.test', '--name', 'Olga Owner', '--json'], { OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  created = json(r);
});

afterAll(() => {
  // The CLI must release the lock on every exit path, or the server could never start.
  expect(existsSync(`${dataDir}.lock`)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
  rmSync(migrateDir, { recursive: true, force: true });
});

describe('outsight CLI, direct mode', () => {
  it('users create --org-name makes the first organisation and its owner', async () => {
    expect(created.org).toMatchObject({ name: 'Acme Corp', created: true });
    expect(created.user).toMatchObject({ email: 'owner@acme.test', role: 'owner' });
    // A second "first" organisation is refused, and nothing about it is created.
    const again = await cli(['users', 'create', '--org-name', 'Other', '--email', 'x@other.test', '--name', 'X', '--json'], { OUTSIGHT_PASSWORD: 'other-password-1' });
    expect(again.code).toBe(1);
    expect(json<{ error: { code: string } }>(again).error.code).toBe('conflict');
    const asX = await cli(['vendors', 'list', '--as', 'x@other.test']);
    expect(asX.code).toBe(1);
    expect(asX.stderr).toContain('No user has the e-mail x@other.test');
  });

  it('users create adds users to the organisation; usage errors exit 2 without prompting', async () => {
    const analyst = await cli(['users', 'create', '--email', 'ana@acme.test', '--name', 'Ana Analyst', '--role', 'analyst', '--json'], { OUTSIGHT_PASSWORD: 'analyst-password-1' });
    expect(analyst.code, analyst.stderr).toBe(0);
    expect(json(analyst)).toMatchObject({ user: { email: 'ana@acme.test', role: 'analyst' }, org: { name: 'Acme Corp', created: false } });

    const dup = await cli(['users', 'create', '--email', 'ANA@acme.test', '--name', 'Ana Again', '--role', 'admin', '--json'], { OUTSIGHT_PASSWORD: 'analyst-password-1' });
    expect(dup.code).toBe(1);
    expect(json<{ error: { code: string; message: string } }>(dup).error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('already has this e-mail') });

    const short = await cli(['users', 'create', '--email', 'short@acme.test', '--name', 'S', '--role', 'admin', '--json'], { OUTSIGHT_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    expect(json<{ error: { details: { issues: Array<{ path: string }> } } }>(short).error.details.issues[0].path).toBe('--password');

    // stdin is a pipe, not a terminal: no prompt, a clear usage error instead of a hang.
    const noPassword = await cli(['users', 'create', '--email', 'nopw@acme.test', '--name', 'N', '--role', 'admin']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('OUTSIGHT_PASSWORD');

    // An analyst may not manage users: the role table applies in direct mode too.
    const byAnalyst = await cli(['users', 'create', '--as', 'ana@acme.test', '--email', 'z@acme.test', '--name', 'Z', '--role', 'auditor'], { OUTSIGHT_PASSWORD: 'zzzz-password-1' });
    expect(byAnalyst.code).toBe(1);
    expect(byAnalyst.stderr).toMatch(/not allowed/);
  });

  it('vendors import creates vendors from a CSV, and list --json shows them', async () => {
    const csv = file('vendors.csv', VENDORS_CSV);
    const dry = await cli(['vendors', 'import', csv, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry)).toMatchObject({ created: 3, updated: 0, dryRun: true });
    expect(await listVendors()).toHaveLength(0); // a dry run stores nothing

    const r = await cli(['vendors', 'import', csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 created, 0 updated');

    const items = await listVendors();
    expect(items.map((v) => v.name)).toEqual(['Acme Managed IT', 'CloudDesk', 'HelpPoint Service Desk']);
    const acme = items[0];
    expect(acme).toMatchObject({ kind: 'managed_service_provider', status: 'active', tier: 1, country: 'DE', tags: ['network', 'critical'], notes: 'Two-line\nnote', contactEmail: 'ann@acme.example' });

    // One vendor per request: the cursor is followed across three pages.
    expect((await listVendors('--page-size', '1')).map((v) => v.name)).toEqual(items.map((v) => v.name));
    expect((await listVendors('--page-size', '1', '--limit', '2')).map((v) => v.name)).toEqual(items.slice(0, 2).map((v) => v.name));

    const saas = await listVendors('--kind', 'saas');
    expect(saas.map((v) => v.name)).toEqual(['CloudDesk']);
  });

  it('prints a human table with the vendor columns', async () => {
    const r = await cli(['vendors', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+STATUS\s+TIER\s+COUNTRY\s+ENGAGEMENTS$/);
    expect(lines[1]).toMatch(/^Acme Managed IT\s+managed_service_provider\s+active\s+1\s+DE\s+0$/);
    // Columns line up: every row has the KIND column where the header has it.
    const kindAt = lines[0].indexOf('KIND');
    for (const line of lines.slice(1, 4)) expect(line.slice(kindAt)).toMatch(/^(managed_service_provider|saas|help_desk)/);
    expect(r.stdout).toContain('3 vendors');
  });

  it('re-importing is idempotent: rows update by name, no duplicates', async () => {
    const csv = path.join(dir, 'vendors.csv');
    const before = await listVendors();
    const r = await cli(['vendors', 'import', csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ created: 0, updated: 3 });
    const after = await listVendors();
    expect(after.map((v) => v.name)).toEqual(before.map((v) => v.name));

    // A file with fewer columns changes only those columns (matching names ignore case).
    const partial = file('partial.csv', 'name,kind,status\nclouddesk,saas,active\n');
    expect((await cli(['vendors', 'import', partial])).code).toBe(0);
    const cloud = (await listVendors()).find((v) => v.name === 'CloudDesk')!;
    expect(cloud).toMatchObject({ status: 'active', tags: ['sso'], tier: 2 });
  });

  it('a CSV with bad rows reports every line and field, stores nothing and exits 1', async () => {
    const bad = file(
      'bad.csv',
      ['name,kind,country,tier,contact_email', 'Brand New Vendor,saas,DE,2,', 'Bad Kind,spaceship,DE,2,', 'Bad Many,saas,Germany,9,not-an-email'].join('\n'),
    );
    const r = await cli(['vendors', 'import', bad, '--json']);
    expect(r.code).toBe(1);
    const { error } = json<{ error: { code: string; details: { rejected: Array<{ line: number; field: string; value?: string }> } } }>(r);
    expect(error.code).toBe('import_rejected');
    expect(error.details.rejected.map((x) => `${x.line}:${x.field}`)).toEqual(['3:kind', '4:country', '4:tier', '4:contact_email']);

    const human = await cli(['vendors', 'import', bad]);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('nothing was imported');
    expect(human.stderr).toMatch(/^\s+3\s+kind\s+spaceship\s+Invalid option/m);
    expect(human.stderr).toMatch(/^\s+4\s+country\s+Germany\s+Expected a two-letter/m);
    expect(human.stderr).not.toMatch(/\n\s+at /); // no stack trace

    // All or nothing: the valid row on line 2 was not stored either.
    expect((await listVendors()).map((v) => v.name)).not.toContain('Brand New Vendor');

    const missing = await cli(['vendors', 'import', path.join(dir, 'no-such.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('flags are validated with the API schema: a bad filter is a usage error (exit 2)', async () => {
    const r = await cli(['vendors', 'list', '--status', 'retired', '--json']);
    expect(r.code).toBe(2);
    expect(json<{ error: { code: string; message: string } }>(r).error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('--status') });
    const unknown = await cli(['vendors', 'list', '--colour', '--json']);
    expect(unknown.code).toBe(2);
    expect(json<{ error: { code: string } }>(unknown).error.code).toBe('usage');
  });

  it('export then import round-trips without changes or duplicates', async () => {
    const before = await listVendors();
    const out = path.join(dir, 'export.csv');
    const exp = await cli(['vendors', 'export', '--out', out, '--json']);
    expect(exp.code, exp.stderr).toBe(0);
    expect(json(exp)).toMatchObject({ count: 3, file: out });
    const csv = readFileSync(out, 'utf8');
    expect(csv.replace(/^\ufeff/, '').split('\n')[0]).toBe(VENDOR_CSV_HEADER);
    expect(csv).toContain("'=cmd()"); // formula-safe export

    const stdout = await cli(['vendors', 'export']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(csv);

    const imp = await cli(['vendors', 'import', out, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(json(imp)).toMatchObject({ created: 0, updated: 3 });
    const strip = (vs: Vendor[]) => vs.map(({ updatedAt: _u, ...v }) => v);
    expect(strip(await listVendors())).toEqual(strip(before));
  });

  it('tokens create prints the secret once (JSON, or alone on stdout)', async () => {
    const r = await cli(['tokens', 'create', '--name', 'ci', '--expires-in-days', '30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const t = json<{ token: string; prefix: string; name: string; expiresAt: string }>(r);
    expect(t.token).toMatch(/^osk_.{20,}/);
    expect(t.token.startsWith(t.prefix)).toBe(true);
    expect(new Date(t.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const human = await cli(['tokens', 'create', '--name', 'shell']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^osk_\S+\n$/);
    expect(human.stderr).toContain('for owner@acme.test'); // default actor: the first owner

    const asAnalyst = await cli(['tokens', 'create', '--name', 'mine', '--as', 'ana@acme.test']);
    expect(asAnalyst.code).toBe(0);
    expect(asAnalyst.stderr).toContain('for ana@acme.test');
  });

  it('an analyst can list but not import vendors', async () => {
    expect((await cli(['vendors', 'list', '--as', 'ana@acme.test'])).code).toBe(0);
    const r = await cli(['vendors', 'import', path.join(dir, 'vendors.csv'), '--as', 'ana@acme.test', '--json']);
    expect(r.code).toBe(1);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('forbidden');
  });

  it('db migrate reports an up-to-date database', async () => {
    const journal = JSON.parse(readFileSync(path.join(ROOT, 'src/server/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const r = await cli(['db', 'migrate', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ status: 'up_to_date', database: 'pglite', applied: 0, total: journal.entries.length });
    const human = await cli(['db', 'migrate']);
    expect(human.stdout).toContain('is up to date');
  });

  it('db migrate on a new data directory applies every migration', async () => {
    const fresh = path.join(migrateDir, 'data');
    const r = await runCli(['db', 'migrate', '--json'], { OUTSIGHT_DATA_DIR: fresh });
    expect(r.code, r.stderr).toBe(0);
    const res = json<{ status: string; applied: number; total: number }>(r);
    expect(res.status).toBe('migrated');
    expect(res.applied).toBeGreaterThan(0);
    expect(res.applied).toBe(res.total);
  });

  it('refuses with exit 3 while another process holds the data directory, and works once it is gone', async () => {
    // A separate process takes the same lock the server takes, through the server's own code.
    const holder: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "const { acquireDataDirLock } = await import('./src/server/db/lock.ts'); acquireDataDirLock(process.env.OUTSIGHT_DATA_DIR); console.log('locked'); setInterval(() => {}, 1000);"],
      { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
        holder.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
      });
      const r = await cli(['vendors', 'list']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`in use by another Outsight process (pid ${holder.pid})`);
      expect(r.stderr).toContain('--url');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const j = await cli(['tokens', 'create', '--name', 'x', '--json']);
      expect(j.code).toBe(3);
      expect(json<{ error: { code: string } }>(j).error.code).toBe('data_dir_locked');
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => (holder.exitCode !== null || holder.signalCode !== null ? resolve(null) : holder.once('exit', resolve)));
    }
    // The holder died without cleaning up: its stale lock is taken over.
    const after = await cli(['vendors', 'list', '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(json<{ items: unknown[] }>(after).items).toHaveLength(3);
  });
});
