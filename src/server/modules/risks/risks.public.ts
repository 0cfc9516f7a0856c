/**
 * The risks module (register, matrix, signals, fourth parties, concentration, what-if) as
 * jobs, the CLI, seeds, builders and the dashboard see it (lint rule outsight/public-surface).
 */
export { getRiskSettings, updateRiskSettings } from './settings.ts';
export { acceptRisk, addRiskAction, closeRisk, createRisk, getRisk, listRisks, recomputeLevels, reopenRisk, riskHeatMap, updateRisk, updateRiskAction } from './risks.service.ts';
export { evaluateSignals, listSignals } from './signals.ts';
export { createFourthParty, deleteFourthParty, listFourthParties, updateFourthParty } from './fourth-parties.ts';
export { concentration, whatIf } from './exposure.ts';
export { concentrationIf } from './concentration-if.ts';
export { risksFeed } from './feed.ts';
