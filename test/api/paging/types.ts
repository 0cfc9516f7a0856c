import type { Role } from '../../../src/shared/contracts/auth.ts';
import type { TestApp } from '../../support/app.ts';
import type { TestOrg } from '../../support/factories.ts';

/**
 * One list endpoint walked page by page with limit=1: `seed` puts more rows than one page
 * into a fresh organisation and says which ids the walk must return, each exactly once.
 */
export interface PagingCase {
  /** As the route is registered: 'GET /api/v1/vendors'. */
  route: string;
  /** Who reads the list (default: the owner). */
  as?: Role;
  seed(t: TestApp, org: TestOrg): Promise<{ url: string; ids: string[] }>;
  /** An item's id in the response (default: `item.id`). */
  idOf?(item: Record<string, unknown>): string;
}

export const ROWS = 3;
