// The full Drizzle schema, one file per aggregate under schema/. drizzle-kit reads this.
export * from './schema/orgs.ts';
export * from './schema/auth.ts';
export * from './schema/vendors.ts';
export * from './schema/audit.ts';
export * from './schema/sla.ts';
export * from './schema/due-diligence.ts';
export * from './schema/contracts.ts';
export * from './schema/contract-extras.ts';
export * from './schema/clauses.ts';
export * from './schema/deliverables.ts';
export * from './schema/security.ts';
export * from './schema/costs.ts';
export * from './schema/exit.ts';
export * from './schema/risks.ts';
export * from './schema/sourcing.ts';
export * from './schema/governance.ts';
export * from './schema/exchange-rates.ts';
