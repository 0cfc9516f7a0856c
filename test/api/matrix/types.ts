import type { Role } from '../../../src/shared/contracts/auth.ts';
import type { TestApp } from '../../support/app.ts';
import type { TestOrg } from '../../support/factories.ts';

/**
 * - own / foreign / missing: the object is the caller's organisation's, another
 *   organisation's, or does not exist;
 * - otherVendor: a vendor contact reaching for an object of another vendor of its own
 *   organisation (internal roles see it like `own`);
 * - state: an object whose state forbids the action (a submitted assessment to answer).
 */
export type Scope = 'own' | 'foreign' | 'missing' | 'otherVendor' | 'state';
export interface Call {
  /** The organisation the object comes from (own or foreign). */
  org: TestOrg;
  actor: TestOrg['users'][Role] | null;
  scope: Scope;
}
export interface Req {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
export interface Row {
  /** 'public' routes answer everyone alike; otherwise the roles that get `ok`. */
  allowed: readonly Role[] | 'public' | 'signed-in';
  ok: number;
  /** The route names an object in its path: test own/foreign/missing. */
  scoped?: boolean;
  /** Status a public route gives for a missing object. */
  publicMissing?: number;
  /** The policy (by its label, "The assessment") whose object rules this row exercises. */
  policy?: string;
  /** Also call with an object of the organisation's other vendor: a vendor contact gets 404. */
  otherVendor?: boolean;
  /** Also call with an object in a state that forbids the action: allowed roles get this status. */
  forbiddenState?: number;
  build(c: Call): Promise<Req> | Req;
}

/** What row builders may use; filled in by the matrix test's beforeAll. */
export interface MatrixEnv {
  t: TestApp;
  own: TestOrg;
  foreign: TestOrg;
  uniq(): string;
  /** The object's id for own/foreign scope, a random one for missing. */
  id(c: Call, pick: (o: TestOrg) => string): string;
}

/** One area's rows (identity, core, sla, due diligence, …) and the fixtures they need. */
export interface AreaRows {
  rows: Record<string, Row>;
  setup?(): Promise<void>;
}

export const INTERNAL = ['owner', 'admin', 'manager', 'analyst', 'auditor'] as const;
export const WRITERS = ['owner', 'admin', 'manager'] as const;
export const ADMINS = ['owner', 'admin'] as const;
export const AUDIT = ['owner', 'admin', 'auditor'] as const;
export const IMPORTERS = ['owner', 'admin', 'manager', 'analyst'] as const;
export const CONTACT = ['vendor_contact'] as const;
