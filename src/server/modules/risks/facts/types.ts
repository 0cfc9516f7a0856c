import type { Facts, RuleSettings } from '../../../../domain/risk/signals/index.ts';
import type { Ctx } from '../../../context.ts';
import type { GatheredCore } from './core.ts';

/**
 * One module's facts for the signal rules, read through that module's public surface. A
 * module that brings new rules (costs, exit readiness) adds one file beside this one and a
 * line in `index.ts`. `rules` are the rule keys that read this source: when it fails, their
 * stored signals stay as they are (a fact that could not be read has not cleared).
 */
export interface FactSource {
  name: string;
  rules: readonly string[];
  gather(ctx: Ctx, core: GatheredCore, settings: RuleSettings): Promise<Partial<Facts>>;
}
