import type { z } from 'zod';
import type { DueAhead, DueItem, DueQuery, OwnerDashboard } from '../../../shared/contracts/dashboard.ts';
import { addDays, civilDateIn } from '../../../domain/civil-date.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { FEEDS } from '../../feeds/registry.ts';
import { recentAudit } from '../audit/audit.public.ts';
import { countEngagements } from '../engagements/engagements.public.ts';
import { countUsers } from '../users/users.public.ts';
import { countVendors } from '../vendors/vendors.public.ts';
import { dashboardPolicy } from './dashboard.policy.ts';

/** The dashboard lists this many dates; the total says how many there are, the list says it is cut. */
export const THIS_WEEK_LIMIT = 25;

/**
 * The owner's home screen: what needs attention this week, what exposes the organisation,
 * what it pays for — each figure from the module that owns it, through the feeds. A feed
 * that fails is named in `unavailable` instead of failing the whole screen.
 */
export async function getDashboard(ctx: Ctx, feeds: readonly ModuleFeed[] = FEEDS): Promise<z.output<typeof OwnerDashboard>> {
  dashboardPolicy.check(ctx.actor, 'read');
  // Organisations have no time zone setting yet: "today" is the UTC date of the request.
  const today = civilDateIn(ctx.now, 'UTC');
  const { unavailable, guarded } = guardFeeds(ctx);
  const window = { from: today, to: addDays(today, 7) };
  const [due, exposed, payingFor, vendors, engagements, users, recentChanges] = await Promise.all([
    Promise.all(feeds.map((f) => guarded(f, f.due ? () => f.due!(ctx, window) : null))).then((x) => x.flat()),
    Promise.all(feeds.map((f) => guarded(f, f.exposures ? () => f.exposures!(ctx, today) : null))).then((x) => x.flat()),
    Promise.all(feeds.map((f) => guarded(f, f.money ? () => f.money!(ctx, today) : null))).then((x) => x.flat()),
    countVendors(ctx),
    countEngagements(ctx),
    countUsers(ctx),
    recentAudit(ctx, 8),
  ]);
  const sorted = due.filter((d) => d.date <= window.to).sort(byDate);
  return {
    today,
    thisWeek: { items: sorted.slice(0, THIS_WEEK_LIMIT), total: sorted.length, truncated: sorted.length > THIS_WEEK_LIMIT },
    exposed: exposed.filter((e) => e.count > 0).sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || b.count - a.count),
    payingFor,
    counts: { vendors, engagements, users },
    recentChanges,
    unavailable: [...new Set(unavailable)],
  };
}

/** Everything due lists at most this many; the answer says when it is cut. */
export const DUE_AHEAD_LIMIT = 500;

/**
 * Everything due `days` ahead and overdue, from every module's feed — the dashboard's week
 * is only the first 25 of it. With `mine`, only what the modules name the signed-in person
 * as owner of (a risk, an action, an exit step).
 */
export async function listDueAhead(ctx: Ctx, q: z.output<typeof DueQuery>, feeds: readonly ModuleFeed[] = FEEDS): Promise<z.output<typeof DueAhead>> {
  dashboardPolicy.check(ctx.actor, 'read');
  const today = civilDateIn(ctx.now, 'UTC');
  const window = { from: today, to: addDays(today, q.days) };
  const { unavailable, guarded } = guardFeeds(ctx);
  const due = (await Promise.all(feeds.map((f) => guarded(f, f.due ? () => f.due!(ctx, window) : null)))).flat();
  const sorted = due.filter((d) => d.date <= window.to && (!q.mine || d.ownerId === ctx.actor.userId)).sort(byDate);
  return { ...window, items: sorted.slice(0, DUE_AHEAD_LIMIT), total: sorted.length, truncated: sorted.length > DUE_AHEAD_LIMIT, unavailable: [...new Set(unavailable)] };
}

/** Reads a feed so that one failing module is named in `unavailable` instead of failing the whole answer. */
function guardFeeds(ctx: Ctx) {
  const unavailable: string[] = [];
  const guarded = async <T>(feed: ModuleFeed, read: (() => Promise<T[]>) | null): Promise<T[]> => {
    if (!read) return [];
    try {
      return await read();
    } catch (err) {
      ctx.log.error({ err, feed: feed.name }, 'dashboard feed failed');
      unavailable.push(feed.name);
      return [];
    }
  };
  return { unavailable, guarded };
}

const SEVERITY = { high: 0, medium: 1, low: 2 } as const;
const byDate = (a: DueItem, b: DueItem) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title));
