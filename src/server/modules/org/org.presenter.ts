import type { Org } from '../../../shared/contracts/org.ts';
import type { OrgRow } from './org.repo.ts';

export function presentOrg(o: OrgRow): Org {
  return { id: o.id, name: o.name };
}
