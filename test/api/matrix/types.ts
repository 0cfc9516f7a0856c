import type { Role } from '../../../src/shared/contracts/auth.ts';
import type { TestApp } from '../../support/app.ts';
import type { TestOrg } from '../../support/factories.ts';

export type Scope = 'own' | 'foreign' | 'missing';
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

export const INTERNAL = ['owner', 'admin', 'manager', 'analyst', 'auditor'] as const;
export const WRITERS = ['owner', 'admin', 'manager'] as const;
export const CONTACT = ['vendor_contact'] as const;
