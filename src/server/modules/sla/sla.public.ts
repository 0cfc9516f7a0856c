/** The SLA module as the CLI, seeds and builders see it (lint rule outsight/public-surface). */
export { allSlaTickets, slaTickets } from './list-tickets.ts';
export { slaMonthsMet, slaOverview } from './overview.ts';
export { addOutage, slaReport } from './sla.service.ts';
export { slaFeed } from './feed.ts';
/** The engine's service credit per engagement and month (the costs module nets it against invoice credit lines). */
export { serviceCreditsOwed, type CreditsOwed } from './credits-owed.ts';
/** An engagement's measured evaluations as the report sees them: for the benchmark and the tests that compare them with the engine. */
export { measureEngagement, toTicketInput } from './sla.measure.ts';
/** What the module keeps between reads, against its memory ceiling (OUTSIGHT_SLA_TICKETS_KEPT): for its test. */
export { slaMemoryHeld } from './sla.measure.ts';
/** Resolves once verdicts stored behind a read (OUTSIGHT_SLA_WRITE_BEHIND_FROM) are committed: for the tests and the benchmark. */
export { verdictsHeld, verdictWritesSettled } from './sla.verdicts.ts';
