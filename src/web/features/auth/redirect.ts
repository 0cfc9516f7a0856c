import type { MeT } from '../../api/types.ts';

/** Where to go after signing in: the page asked for (same-origin paths only) or the home of the role. */
export function landingPath(me: MeT, next: string | null): string {
  const safe = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
  if (me.user.role === 'vendor_contact') return safe?.startsWith('/portal') ? safe : '/portal';
  return safe ?? '/';
}
