import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageWriter } from '../../src/server/modules/evidence/evidence.public.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { PDF } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

// Issue 9, item 11: a full disk is a clear storage error, not a 500; vendor contacts share an upload quota per vendor.
let t: TestApp;
let org: TestOrg;
const QUOTA = PDF.length * 2 + 10;

beforeAll(async () => {
  t = await createTestApp({ vendorUploadQuotaBytes: QUOTA });
  org = await createTestOrg(t.database.db, 'Storage');
});
afterAll(() => t.close());

const upload = async (url: string, role: 'manager' | 'vendor_contact', title = 'Policy') =>
  t.app.inject({ method: 'POST', url: `${url}?type=policy&title=${title}&fileName=p.pdf`, payload: PDF, headers: { ...authHeaders(await loginAs(t.database.db, org.users[role])), 'content-type': 'application/pdf' } });

describe('when the disk is full', () => {
  it('an upload answers 507 storage_full saying what to do, and nothing is stored', async () => {
    const real = storageWriter.create;
    storageWriter.create = () =>
      new Writable({
        write(_chunk, _enc, done) {
          done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
        },
      });
    try {
      for (const [url, role] of [[`/api/v1/vendors/${org.vendor.id}/evidence`, 'manager'], ['/api/v1/portal/evidence', 'vendor_contact']] as const) {
        const res = await upload(url, role, 'Full');
        expect(res.statusCode, res.body).toBe(507);
        expect(res.json().error.code).toBe('storage_full');
        expect(res.json().error.message).toMatch(/free disk space/);
      }
    } finally {
      storageWriter.create = real;
    }
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/vendors/${org.vendor.id}/evidence`, headers: authHeaders(await loginAs(t.database.db, org.users.manager)) });
    expect(listed.json().items.filter((e: { title: string }) => e.title === 'Full')).toEqual([]);
  });
});

describe("a vendor's upload quota", () => {
  it("stops the vendor's contacts with 413 quota_exceeded once used up; the client's own uploads do not count", async () => {
    expect((await upload(`/api/v1/vendors/${org.vendor.id}/evidence`, 'manager')).statusCode).toBe(201);
    expect((await upload(`/api/v1/vendors/${org.vendor.id}/evidence`, 'manager')).statusCode).toBe(201);
    expect((await upload('/api/v1/portal/evidence', 'vendor_contact')).statusCode).toBe(201);
    expect((await upload('/api/v1/portal/evidence', 'vendor_contact')).statusCode).toBe(201);
    const over = await upload('/api/v1/portal/evidence', 'vendor_contact');
    expect(over.statusCode, over.body).toBe(413);
    expect(over.json().error.code).toBe('quota_exceeded');
    expect(over.json().error.message).toMatch(/limited to 1 KB in all/);
    expect(over.json().error.details).toEqual({ quotaBytes: QUOTA, usedBytes: PDF.length * 2 });
    // The client still files documents under the vendor.
    expect((await upload(`/api/v1/vendors/${org.vendor.id}/evidence`, 'manager')).statusCode).toBe(201);
  });
});
