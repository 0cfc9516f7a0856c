/** The users module as other modules see it (lint rule outsight/public-surface). */
export { countUsers, createUser, referenceInternalUser } from './users.service.ts';
