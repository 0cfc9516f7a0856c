import type { Config } from '../../src/server/config.ts';
import type { TestApp } from './app.ts';
import { authHeaders, type Login } from './factories.ts';

export { inApp } from './due-diligence.ts';

/** A JSON request as a signed-in user (changes carry the CSRF token like the web UI). */
export function call(t: TestApp, login: Login, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: authHeaders(login) });
}

/** An upload: the file itself as the body, its name in the query. */
export function upload(t: TestApp, login: Login, deliverableId: string, body: Buffer, fileName = 'report.pdf', contentType = 'application/pdf') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/deliverables/${deliverableId}/files?fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { ...authHeaders(login), 'content-type': contentType },
  });
}

export type { Config };
