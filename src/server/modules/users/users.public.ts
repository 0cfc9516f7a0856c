/** The users module as other modules see it (lint rule outsight/public-surface). */
export {
  allUsers,
  countUsers,
  createUser,
  firstActiveOwner,
  getUser,
  insertOwnerOfNewOrg,
  internalUsersByNames,
  listUsers,
  referenceInternalUser,
  referenceVendorContact,
  updateUser,
  vendorContactFor,
  type NewUser,
} from './users.service.ts';
export { createInvitation, listInvitations, revokeInvitation } from './invitations.service.ts';
export type { UserRow } from './users.repo.ts';
