import { CONCENTRATION_RULES } from './concentration.ts';
import { CONTRACT_RULES, type ContractFacts } from './contracts.ts';
import { COST_RULES, type CostFacts } from './costs.ts';
import { DUE_DILIGENCE_RULES, type DueDiligenceFacts } from './due-diligence.ts';
import { EXIT_RULES, type ExitFacts } from './exit.ts';
import { SLA_RULES, type SlaFacts } from './sla.ts';
import type { CoreFacts, Params, RuleDef, Signal } from './types.ts';

export * from './types.ts';

/** The snapshot every rule reads: the core facts plus each source module's slice. A new source adds its slice here. */
export type Facts = CoreFacts & DueDiligenceFacts & SlaFacts & ContractFacts & ExitFacts & CostFacts;

/** Every rule, one line per source module. */
export const RULES: readonly RuleDef<Facts>[] = [...DUE_DILIGENCE_RULES, ...SLA_RULES, ...CONTRACT_RULES, ...COST_RULES, ...EXIT_RULES, ...CONCENTRATION_RULES] as readonly RuleDef<Facts>[];
export const RULE_KEYS = RULES.map((r) => r.key);
export const ruleOf = (key: string) => RULES.find((r) => r.key === key) ?? null;

/** Per rule: on or off, and its parameters (missing ones take the defaults). */
export type RuleSettings = Record<string, { enabled?: boolean; params?: Params }>;

export function paramsOf(rule: RuleDef<Facts>, settings: RuleSettings): Params {
  return { ...rule.defaults, ...(settings[rule.key]?.params ?? {}) };
}
export const enabled = (rule: RuleDef<Facts>, settings: RuleSettings) => settings[rule.key]?.enabled !== false;

/** Every enabled rule over the snapshot; one signal per rule and subject (a rule naming a subject twice keeps the first). */
export function evaluate(facts: Facts, settings: RuleSettings = {}): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (!enabled(rule, settings)) continue;
    for (const s of rule.evaluate(facts, paramsOf(rule, settings))) {
      const k = `${s.rule}|${s.subjectKey}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

/** What is stored of a signal, to compare with a new evaluation. */
export interface StoredSignal {
  rule: string;
  subjectKey: string;
  active: boolean;
  fingerprint: string;
}

export const fingerprintOf = (s: Signal) => `${s.title}\n${s.detail}`;

/**
 * What an evaluation changes: signals to raise (new), to update (words changed, or raised
 * again after clearing), to clear (stored active, no longer raised). Nothing else is written,
 * so evaluating twice over the same facts changes nothing the second time.
 */
export function reconcile(stored: readonly StoredSignal[], current: readonly Signal[]) {
  const byKey = new Map(stored.map((s) => [`${s.rule}|${s.subjectKey}`, s]));
  const raise: Signal[] = [];
  const update: Signal[] = [];
  const live = new Set<string>();
  for (const s of current) {
    const k = `${s.rule}|${s.subjectKey}`;
    live.add(k);
    const old = byKey.get(k);
    if (!old) raise.push(s);
    else if (!old.active || old.fingerprint !== fingerprintOf(s)) update.push(s);
  }
  const clear = stored.filter((s) => s.active && !live.has(`${s.rule}|${s.subjectKey}`));
  return { raise, update, clear };
}
