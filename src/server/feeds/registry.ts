import { clausesFeed } from '../modules/clauses/clauses.public.ts';
import { costsFeed } from '../modules/costs/costs.public.ts';
import { contractsFeed } from '../modules/contracts/contracts.public.ts';
import { exitFeed } from '../modules/exit/exit.public.ts';
import { deliverablesFeed } from '../modules/deliverables/deliverables.public.ts';
import { governanceFeed } from '../modules/governance/governance.public.ts';
import { dueDiligenceFeed } from '../modules/due-diligence/due-diligence.public.ts';
import { risksFeed } from '../modules/risks/risks.public.ts';
import { slaFeed } from '../modules/sla/sla.public.ts';
import { sourcingFeed } from '../modules/sourcing/sourcing.public.ts';
import type { ModuleFeed } from './feed.ts';

/** Every module's feed, in one visible list (like ROUTE_MODULES in app.ts): a new module adds one line. */
export const FEEDS: readonly ModuleFeed[] = [dueDiligenceFeed, slaFeed, contractsFeed, clausesFeed, deliverablesFeed, costsFeed, exitFeed, risksFeed, sourcingFeed, governanceFeed];
