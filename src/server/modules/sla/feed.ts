import { monthInWords, monthRangeInWords } from '../../../domain/civil-date.ts';
import { totalsByCurrency, type Money } from '../../../domain/money.ts';
import type { Exposure, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import { VendorListQuery } from '../../../shared/contracts/vendors.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { listVendors } from '../vendors/vendors.public.ts';
import { lastFullMonth, slaOverview } from './overview.ts';

const EXAMPLES = 3;
type Overview = Awaited<ReturnType<typeof slaOverview>>;

// `exposures` and `money` share the request context: read last month's overview once.
const overviews = new WeakMap<Ctx, Map<string, Promise<Overview>>>();
function overviewOnce(ctx: Ctx, month: string): Promise<Overview> {
  let byMonth = overviews.get(ctx);
  if (!byMonth) overviews.set(ctx, (byMonth = new Map()));
  let o = byMonth.get(month);
  if (!o) byMonth.set(month, (o = slaOverview(ctx, month)));
  return o;
}

async function tier12VendorIds(ctx: Ctx): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await listVendors(ctx, VendorListQuery.parse({ tier: '1,2', limit: 200, cursor }));
    for (const v of page.items) ids.add(v.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Credits owed in an overview, one amount per currency (contracts in different currencies are never added). */
function credits(o: Overview): Money[] {
  return o.items.flatMap((r) => (r.creditMinor && r.currency ? [{ amountMinor: r.creditMinor, currency: r.currency }] : []));
}

/** The SLA module's exposures and money for the owner's dashboard, read from its overview. */
export const slaFeed: ModuleFeed = {
  name: 'SLAs',

  async exposures(ctx: Ctx, today) {
    const month = lastFullMonth(today.slice(0, 7));
    const [o, tier12] = await Promise.all([overviewOnce(ctx, month), tier12VendorIds(ctx)]);
    // The overview lists only running engagements as lacking a policy.
    const unmeasured = o.items.filter((r) => !r.hasPolicy && tier12.has(r.vendorId));
    const missed = o.items.filter((r) => r.met === false);
    const out: Exposure[] = [
      {
        key: 'sla:no-policy',
        label: "Tier-1 and tier-2 vendors' active engagements without an SLA policy",
        count: unmeasured.length,
        severity: 'high',
        href: '/sla',
        examples: unmeasured.slice(0, EXAMPLES).map((r) => ({ label: `${r.engagementName} (${r.vendorName})`, href: `/vendors/${r.vendorId}/slas?engagement=${encodeURIComponent(r.engagementId)}` })),
      },
      {
        key: 'sla:missed-last-month',
        label: `Engagements that missed an SLA target in ${month}`,
        count: missed.length,
        severity: 'high',
        href: `/sla?month=${month}`,
        examples: missed.slice(0, EXAMPLES).map((r) => ({ label: `${r.engagementName} (${r.vendorName})`, href: `/vendors/${r.vendorId}/slas?engagement=${encodeURIComponent(r.engagementId)}` })),
      },
    ];
    return out;
  },

  async money(ctx: Ctx, today) {
    const month = lastFullMonth(today.slice(0, 7));
    const o = await overviewOnce(ctx, month);
    const pctOnly = o.items.filter((r) => r.creditPct > 0 && r.creditMinor === null).length;
    const out: MoneyFigure[] = [
      {
        key: 'sla:credits-last-month',
        label: 'Service credits owed last month',
        period: monthInWords(month),
        amounts: totalsByCurrency(credits(o)),
        href: `/sla?month=${month}`,
        note: pctOnly ? `plus ${pctOnly} engagement${pctOnly === 1 ? '' : 's'} with no fee set (credit in % only)` : null,
      },
      { key: 'sla:credits-ytd', label: 'Service credits owed this year', period: monthRangeInWords(o.yearToDate.from, o.yearToDate.to), amounts: o.yearToDate.credits, href: `/sla?month=${month}`, note: null },
    ];
    return out;
  },
};
