import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { addCustomDate, setContractArchived, uploadDocument } from '../../../src/server/modules/contracts/contracts.public.ts';
import { aContract } from '../../../src/server/seed/builders/contracts.ts';
import { PDF } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { ADMINS, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const C = 'The contract';

/** Rows for the contracts routes: contracts, their notice and letter, added key dates, the key-dates view and the settings. */
export function contractRows(env: MatrixEnv): AreaRows {
  const fixture = new Map<TestOrg, { contractId: string; archivedId: string }>();
  const renewing = (o: TestOrg) => ({
    vendorId: o.vendor.id,
    engagementIds: [o.engagementId],
    initialTermEnd: '2027-03-31',
    renewalKind: 'automatic' as const,
    renewalMonths: 12,
    noticeUnit: 'months' as const,
    noticeCount: 3,
  });
  /** A contract of the organisation's vendor, an archived one for the state scope, a new one when the call uses it up. */
  const contract = (c: Call) => (c.scope === 'missing' ? randomUUID() : c.scope === 'state' ? fixture.get(c.org)!.archivedId : fixture.get(c.org)!.contractId);
  async function fresh(c: Call): Promise<string> {
    if (c.scope === 'missing') return randomUUID();
    const created = await aContract(c.org.handle, renewing(c.org));
    if (c.scope === 'state') await setContractArchived(c.org.handle.ctx(), created.id, true);
    return created.id;
  }

  const rows: Record<string, Row> = {
    'GET /api/v1/contracts': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/contracts?limit=200' }) },
    'POST /api/v1/contracts': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/contracts', payload: { vendorId: env.own.vendor.id, type: 'nda', title: `NDA ${env.uniq()}` } }),
    },
    // Another organisation's vendor named in the file is not found (test/api/contracts-import.test.ts).
    'POST /api/v1/contracts/import': {
      allowed: WRITERS,
      ok: 200,
      build: () => ({ url: '/api/v1/contracts/import', payload: `Vendor,Title,Type\n${env.own.vendor.name},Imported ${env.uniq()},nda\n`, headers: { 'content-type': 'text/csv' } }),
    },
    'GET /api/v1/contracts/key-dates': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/contracts/key-dates' }) },
    'GET /api/v1/contracts/settings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/contracts/settings' }) },
    'PUT /api/v1/contracts/settings': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/contracts/settings', payload: { leadDays: 14 } }) },
    'GET /api/v1/contracts/:id': { policy: C, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/contracts/${contract(c)}` }) },
    'PATCH /api/v1/contracts/:id': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/contracts/${contract(c)}`, payload: { notes: `note ${env.uniq()}` } }),
    },
    'POST /api/v1/contracts/:id/archive': { policy: C, allowed: WRITERS, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/contracts/${await fresh(c)}/archive` }) },
    'POST /api/v1/contracts/:id/restore': { policy: C, allowed: WRITERS, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/contracts/${await fresh(c)}/restore` }) },
    'POST /api/v1/contracts/:id/notice': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/contracts/${await fresh(c)}/notice`, payload: { givenOn: '2026-01-05', method: 'letter', givenBy: 'Matrix' } }),
    },
    'GET /api/v1/contracts/:id/notice-letter': { policy: C, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/notice-letter` }) },
    'GET /api/v1/contracts/:id/key-dates': { policy: C, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/key-dates` }) },
    'POST /api/v1/contracts/:id/key-dates': {
      policy: C,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/key-dates`, payload: { title: 'Price review', date: '2027-01-15' } }),
    },
    'DELETE /api/v1/contracts/:id/key-dates/:dateId': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/contracts/${randomUUID()}/key-dates/${randomUUID()}` };
        const contractId = fixture.get(c.org)!.contractId;
        const d = await addCustomDate(c.org.handle.ctx(), contractId, { title: 'Benchmark', date: '2027-02-01' });
        return { url: `/api/v1/contracts/${contractId}/key-dates/${d.id}` };
      },
    },
  };
  const docs = new Map<TestOrg, string>();
  rows['GET /api/v1/contracts/:id/documents'] = { policy: C, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/documents` }) };
  rows['POST /api/v1/contracts/:id/documents'] = {
    policy: C,
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    forbiddenState: 409,
    build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/documents?fileName=signed.pdf`, payload: PDF, headers: { 'content-type': 'application/pdf' } }),
  };
  rows['GET /api/v1/contracts/:id/documents/:documentId/download'] = {
    policy: C,
    allowed: INTERNAL,
    ok: 200,
    scoped: true,
    build: (c) => ({ url: c.scope === 'missing' ? `/api/v1/contracts/${randomUUID()}/documents/${randomUUID()}/download` : `/api/v1/contracts/${fixture.get(c.org)!.contractId}/documents/${docs.get(c.org)}/download` }),
  };
  return {
    rows,
    async setup() {
      for (const o of [env.own, env.foreign]) {
        const live = await aContract(o.handle, renewing(o));
        const archived = await aContract(o.handle, renewing(o));
        await setContractArchived(o.handle.ctx(), archived.id, true);
        fixture.set(o, { contractId: live.id, archivedId: archived.id });
        // Stored where the app under test reads its files.
        const up = await uploadDocument({ ...o.handle.ctx(), config: env.t.config }, live.id, { name: 'signed.pdf', stream: Readable.from([PDF]), declaredBytes: PDF.length });
        docs.set(o, up.id);
      }
    },
  };
}
