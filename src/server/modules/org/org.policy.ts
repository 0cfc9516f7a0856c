import { roleCan, type Permission } from '../../../shared/permissions.ts';
import type { Actor } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';

const PERMISSION = { read: 'org.read', update: 'org.manage' } as const satisfies Record<string, Permission>;
export type OrgAction = keyof typeof PERMISSION;

/**
 * Who may do what to the organisation. Its object is always the actor's own — no route
 * or command names an organisation — so there is nothing to hide and no state to
 * respect: the role gate is the whole policy. It is written by hand rather than with
 * definePolicy because definePolicy registers object rules (another organisation's
 * object → not found) that the authorization matrix would then demand a request for,
 * and no request can name another organisation.
 */
export const orgPolicy = {
  label: 'The organisation',
  can(actor: Actor, action: OrgAction): boolean {
    return roleCan(actor.role, PERMISSION[action]);
  },
  check(actor: Actor, action: OrgAction): void {
    if (!orgPolicy.can(actor, action)) throw AppError.forbidden();
  },
};
