import { AUDIT, INTERNAL, WRITERS, type AreaRows, type MatrixEnv } from './types.ts';

/** Rows for vendors, engagements, the audit trail and the dashboard. */
export function coreRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  const rows: AreaRows['rows'] = {
    'GET /api/v1/vendors': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors?limit=200' }) },
    'POST /api/v1/vendors': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/vendors', payload: { name: `Matrix ${uniq()}`, kind: 'saas' } }) },
    'GET /api/v1/vendors/tags': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors/tags' }) },
    'GET /api/v1/vendors/export.csv': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors/export.csv' }) },
    'POST /api/v1/vendors/import': {
      allowed: WRITERS,
      ok: 200,
      build: () => ({ url: '/api/v1/vendors/import', payload: `name,kind\nImported ${uniq()},saas\n`, headers: { 'content-type': 'text/csv' } }),
    },
    'GET /api/v1/vendors/:id': { policy: 'The vendor', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.vendor.id)}` }) },
    'PATCH /api/v1/vendors/:id': { policy: 'The vendor',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.vendor.id)}`, payload: { notes: `note ${uniq()}` } }),
    },
    'POST /api/v1/vendors/:id/archive': { policy: 'The vendor', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.otherVendor.id)}/archive` }) },
    'POST /api/v1/vendors/:id/restore': { policy: 'The vendor', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.otherVendor.id)}/restore` }) },
    'GET /api/v1/engagements': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/engagements?limit=200' }) },
    'POST /api/v1/engagements': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/engagements', payload: { vendorId: env.own.vendor.id, name: `Eng ${uniq()}`, serviceType: 'service_desk' } }),
    },
    'GET /api/v1/engagements/:id': { policy: 'The engagement', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}` }) },
    'PATCH /api/v1/engagements/:id': { policy: 'The engagement',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}`, payload: { description: `d ${uniq()}` } }),
    },
    'POST /api/v1/engagements/:id/archive': { policy: 'The engagement', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/archive` }) },
    'POST /api/v1/engagements/:id/restore': { policy: 'The engagement', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/restore` }) },
    'GET /api/v1/audit-events': { allowed: AUDIT, ok: 200, build: () => ({ url: '/api/v1/audit-events?limit=200' }) },
    'GET /api/v1/dashboard': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/dashboard' }) },
    'GET /api/v1/dashboard/due': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/dashboard/due?days=90&mine=true' }) },
  };
  return { rows };
}
