/**
 * The auth module as other code sees it: sessions, sign-in links, who a credential
 * belongs to, and the secrets every credential is made of.
 */
export { actorFromSession, endSessionsOf, principalByEmailForSignIn, principalOf, startSession, type NewSession, type SignedInWith } from './auth.service.ts';
export { ensurePerson, membershipsByEmailForSignIn, mfaStatus, passwordOfEmailForSignIn, personExists, personHasPassword, personIdOf, setPasswordOfPerson } from './people.ts';
export { actorOf, type Principal } from './auth.presenter.ts';
export { allowPortalLinkRequest, createPortalLink, usePortalLink, PORTAL_LINK_TTL_MS } from './portal-links.service.ts';
export { hashPassword, newSecret, sha256, verifyPassword } from './secrets.ts';
export { checkPasswordPolicy } from './password-policy.ts';
export { createPasswordReset, endAllSessionsOf, openPasswordReset, usePasswordReset, PASSWORD_RESET_TTL_MS } from './password-resets.ts';
export { confirmMfaSetup, provePassword, resetMfaOf, signOutOthers, startMfaSetup } from './account.service.ts';
export { ACCOUNT_RULE, accountKey, succeeded, takeAttempt, type ThrottleRule } from './throttle.ts';
export { beginEnrolment, confirmEnrolment, type Enrolment } from './mfa.ts';
export { pruneSignInRecords } from './housekeeping.ts';
