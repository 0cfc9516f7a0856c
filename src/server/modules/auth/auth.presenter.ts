import type { Me } from '../../../shared/contracts/auth.ts';
import type { Actor } from '../../context.ts';
import type { PrincipalRow } from './auth.repo.ts';

/** Who a credential belongs to, as other modules see it (the CLI's --as, an API token). */
export interface Principal {
  userId: string;
  orgId: string;
  role: Actor['role'];
  vendorId: string | null;
  email: string;
  name: string;
  disabled: boolean;
}

export function presentPrincipal(r: PrincipalRow): Principal {
  return { userId: r.userId, orgId: r.orgId, role: r.role as Actor['role'], vendorId: r.vendorId, email: r.email, name: r.name, disabled: r.disabledAt !== null };
}

/** The actor a principal acts as; `token` also stands for scripts and the CLI (no browser session). */
export function actorOf(p: Principal, via: Actor['via'], session: { id: string; csrfToken: string } | null = null): Actor {
  return {
    userId: p.userId,
    orgId: p.orgId,
    role: p.role,
    vendorId: p.vendorId,
    email: p.email,
    name: p.name,
    via,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
  };
}

export function presentMe(user: { id: string; email: string; name: string; role: string; vendorId: string | null }, org: { id: string; name: string }, csrfToken: string | null): Me {
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Me['user']['role'], vendorId: user.vendorId },
    org,
    csrfToken,
  };
}
