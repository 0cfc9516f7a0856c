import type { DueItem, Exposure, MoneyFigure } from '../../shared/contracts/dashboard.ts';
import type { Ctx } from '../context.ts';

/**
 * What a module tells the shared views — the owner's dashboard, and later reminders, the
 * vendor portal's "what you owe" and calendar feeds — through its public surface: the
 * dates that matter, what exposes the organisation, and the money at stake. A module adds
 * its feed in one line of registry.ts; the views never change for it.
 */
export interface ModuleFeed {
  /** The module's name as a person reads it ("Due diligence"), for "could not be read" notes. */
  name: string;
  /** Dates in [from, to] (civil dates in the organisation's zone), and everything overdue before. */
  due?(ctx: Ctx, window: { from: string; to: string }): Promise<DueItem[]>;
  exposures?(ctx: Ctx, today: string): Promise<Exposure[]>;
  money?(ctx: Ctx, today: string): Promise<MoneyFigure[]>;
}
