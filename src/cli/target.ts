import type { Command } from 'commander';
import { CliError, usageError, type Out } from './output.ts';

/** Options every command understands (declared once on the root program in main.ts). */
export interface GlobalOptions {
  json?: boolean;
  url?: string;
  token?: string;
  as?: string;
  org?: string;
}

/**
 * Where a command acts. Direct: this process opens the database itself (the data
 * directory or DATABASE_URL), which is what an operator needs before any server runs.
 * Remote: a running server does the work through its REST API with an API token, which
 * is the only safe way while that server holds the embedded data directory.
 */
export type Target = { kind: 'direct'; as?: string; org?: string } | { kind: 'remote'; api: RemoteApi };

export function resolveTarget(opts: GlobalOptions): Target {
  const { url, token } = opts;
  if (!url && !token) return { kind: 'direct', as: opts.as, org: opts.org };
  if (!url) throw usageError('--token needs --url (or OUTSIGHT_URL): the address of the Outsight server.');
  if (!token) throw usageError('--url needs --token (or OUTSIGHT_TOKEN): an API token, see "outsight tokens create".');
  // The token decides who acts on a server; silently ignoring --as would mislead.
  if (opts.as || opts.org) throw usageError('--as and --org only work on the database directly; with --url the API token decides who acts.');
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw usageError(`--url: "${url}" is not a web address such as http://localhost:3000`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw usageError('--url must start with http:// or https://');
  return { kind: 'remote', api: new RemoteApi(base.href.replace(/\/+$/, ''), token) };
}

/** What every action starts with: how to print, and where to act (from the root's options). */
export function commandContext(cmd: Command): { out: Out; target: Target } {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  return { out: { json: !!opts.json }, target: resolveTarget(opts) };
}

/** Only these commands run without the database: say so instead of guessing. */
export function requireDirect(target: Target, what: string): asserts target is { kind: 'direct'; as?: string; org?: string } {
  if (target.kind === 'remote') throw usageError(`${what} works on the database directly; run it without --url/--token where the database is reachable.`);
}

type Query = Record<string, string | number | boolean | Array<string | number> | null | undefined>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
}

// Imports of thousands of rows take a while; a dead server should not hang a script forever.
const TIMEOUT_MS = 300_000;

/** A thin client of the REST API: bearer token, the API's error JSON turned into CliError. */
export class RemoteApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null) continue;
      params.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json, text/csv' };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.body) {
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
      body = new Uint8Array(opts.body); // a copy typed as fetch wants it; imports are at most 10 MB
    }
    let res: Response;
    try {
      res = await fetch(this.url(path, opts.query), { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new CliError('unavailable', `Cannot reach the Outsight server at ${this.baseUrl} (${why}).`);
    }
    if (!res.ok) throw await this.toError(res);
    return res;
  }

  async json<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return (await (await this.request(method, path, opts)).json()) as T;
  }

  async text(method: string, path: string, opts?: RequestOptions): Promise<string> {
    return (await this.request(method, path, opts)).text();
  }

  private async toError(res: Response): Promise<CliError> {
    return responseError(res.status, await res.text().catch(() => ''), this.baseUrl, res.statusText);
  }
}

/** The API's error JSON as a CliError; anything else (a proxy's page) as a bad response. */
export function responseError(status: number, raw: string, baseUrl: string, statusText = ''): CliError {
  let body: { error?: { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string } } | null = null;
  try {
    body = JSON.parse(raw);
  } catch {
    /* not our API, or a proxy's HTML page */
  }
  const e = body?.error;
  if (e?.code && e.message) {
    const hint = status === 401 ? ' Check --token (OUTSIGHT_TOKEN): it may be revoked or expired.' : '';
    return new CliError(e.code, e.message + hint, e.details, undefined, e.requestId);
  }
  return new CliError('bad_response', `The server at ${baseUrl} answered HTTP ${status}: ${raw.slice(0, 200) || statusText}`);
}
