/** The auth module as other code sees it: sessions, sign-in links and secrets. */
export { startSession, type NewSession } from './auth.service.ts';
export { createPortalLink, usePortalLink, PORTAL_LINK_TTL_MS } from './portal-links.service.ts';
export { hashPassword } from './secrets.ts';
// Read-only lookups for the modules above: an assessment's contact by e-mail, the portal's organisation name.
export { findOrg, findUserByEmail } from './auth.repo.ts';
