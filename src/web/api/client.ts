import type { FieldIssue } from '../../shared/errors.ts';

export const API_BASE = '/api/v1';

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field-level problems reported by the API (`details.issues`). */
  get issues(): FieldIssue[] {
    const issues = this.details?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

let csrfToken: string | null = null;
/** Remember the token from the Me response: every cookie-authenticated change must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};
/** Called when any request (except the sign-in probes) answers 401. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Build `?a=1&b=x,y` from an object, leaving out empty values. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** A JSON body; files and raw text go through the upload client (src/web/api/upload.ts). */
  body?: unknown;
  /** Don't trigger the global "go to sign-in" on 401 (used by the session probe and sign-in). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
  /** Internal: set on the single retry after a CSRF refresh. */
  csrfRetried?: boolean;
}

/** The token every cookie-authenticated change must carry (the upload client sends it too). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/**
 * The session was renewed elsewhere (another tab signed in again): fetch its token.
 * True when a different token arrived, so the caller may retry its change once.
 */
export async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch(`${API_BASE}/auth/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) return false;
    const me = (await res.json()) as { csrfToken?: string | null };
    if (!me.csrfToken || me.csrfToken === csrfToken) return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/** Tell the app the session is gone (it sends the person to sign-in). */
export function reportUnauthenticated(): void {
  onUnauthenticated();
}

export const NETWORK_ERROR_MESSAGE = 'Outsight could not reach the server. Check your connection and try again.';

/**
 * The API's error body (`{"error":{"code","message","details","requestId"}}`) as an ApiError;
 * anything else (a proxy's error page, an empty body) becomes a plain sentence with the status.
 * One mapping for `api()` and the upload client, so both show the same words.
 */
export function apiErrorFrom(status: number, statusText: string, bodyText: string): ApiError {
  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    // not JSON
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err === 'object') {
    return new ApiError(
      status,
      typeof err.code === 'string' ? err.code : 'unknown',
      typeof err.message === 'string' ? err.message : statusText || 'Request failed',
      err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined,
      typeof err.requestId === 'string' ? err.requestId : undefined,
    );
  }
  return new ApiError(status, 'unknown', `The server answered ${status} ${statusText}`.trim());
}

async function parseError(res: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    // the body could not be read; the status still says what happened
  }
  return apiErrorFrom(res.status, res.statusText, text);
}

/** Call the Outsight API and return its parsed JSON answer, or throw an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(options.query ?? {})}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }

  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !options.allowUnauthenticated) onUnauthenticated();
    // The session was renewed elsewhere (another tab signed in again): fetch its token and retry once.
    if (error.code === 'csrf_failed' && !options.csrfRetried && (await refreshCsrfToken())) {
      return api<T>(path, { ...options, csrfRetried: true });
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A human sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
