import { contractFacts } from './contracts.ts';
import { costFacts } from './costs.ts';
import { dueDiligenceFacts } from './due-diligence.ts';
import { exitFacts } from './exit.ts';
import { slaFacts } from './sla.ts';
import type { FactSource } from './types.ts';

/** Every source of facts for the signal rules, one line per module (the concentration rule reads the core facts only). */
export const FACT_SOURCES: readonly FactSource[] = [dueDiligenceFacts, slaFacts, contractFacts, costFacts, exitFacts];
export type { FactSource };
