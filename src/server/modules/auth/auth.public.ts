/** The auth module as other code sees it: sessions and secrets. */
export { startSession, type NewSession } from './auth.service.ts';
export { hashPassword } from './secrets.ts';
