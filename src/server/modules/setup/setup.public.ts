/** The setup module as other code sees it: organisations with their owner. */
export { createFirstOrg, createOrgWithOwner, needsSetup, type NewOrg } from './setup.service.ts';
