import type { AreaRows, MatrixEnv } from './types.ts';

/** Rows for the routes that say whether this server can serve: liveness and readiness. */
export function robustnessRows(_env: MatrixEnv): AreaRows {
  return {
    rows: {
      'GET /api/v1/health/ready': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/health/ready' }) },
    },
  };
}
