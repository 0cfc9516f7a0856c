import { dayInWords } from '../../../domain/civil-date.ts';
import { totalsByCurrency } from '../../../domain/money.ts';
import type { DueItem, Exposure, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { computeKeyDates } from './contracts.dates.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';
import { loadDateRules } from './contracts.service.ts';

const MAX_CONTRACTS = 5000;
const EXAMPLES = 3;

/** The organisation's live contracts with their key dates, read once per dashboard request. */
async function live(ctx: Ctx) {
  contractPolicy.check(ctx.actor, 'list');
  const [rows, rules] = await Promise.all([repo.activeContracts(ctx.db, ctx.actor.orgId, MAX_CONTRACTS), loadDateRules(ctx)]);
  const notices = await repo.noticesOf(
    ctx.db,
    ctx.actor.orgId,
    rows.map((r) => r.contract.id),
  );
  return rows.map((r) => ({ ...r, keyDates: computeKeyDates(r.contract, notices.find((n) => n.notice.contractId === r.contract.id)?.notice ?? null, rules) }));
}
const ref = (id: string, name: string) => ({ id, name });

/**
 * What contracts tell the shared views: decide-by dates, notice deadlines and added dates
 * (due); auto-renewing contracts whose decide-by date passed without notice (exposure);
 * the annual value of live contracts per currency (money).
 */
export const contractsFeed: ModuleFeed = {
  name: 'Contracts',

  async due(ctx, window) {
    const items: DueItem[] = [];
    for (const r of await live(ctx)) {
      const c = r.contract;
      const k = r.keyDates;
      const vendor = ref(c.vendorId, r.vendorName);
      const href = `/contracts/${c.id}`;
      // A decide-by date already behind is still due while the notice deadline is ahead.
      if (k.decideBy && k.nextNoticeDeadline && k.decideBy <= window.to && k.nextNoticeDeadline >= window.from) {
        items.push({ key: `contract:${c.id}:decide-by:${k.decideBy}`, kind: 'contract_decide_by', title: `Decide on renewal: ${c.title}`, detail: k.words, date: k.decideBy, overdue: k.decideBy < window.from, vendor, engagement: null, href });
      }
      if (k.nextNoticeDeadline && k.nextNoticeDeadline >= window.from && k.nextNoticeDeadline <= window.to) {
        items.push({ key: `contract:${c.id}:notice:${k.nextNoticeDeadline}`, kind: 'contract_notice_deadline', title: `Notice deadline: ${c.title}`, detail: k.words, date: k.nextNoticeDeadline, overdue: false, vendor, engagement: null, href });
      }
    }
    for (const d of await repo.customDatesBetween(ctx.db, ctx.actor.orgId, window.from, window.to, 500)) {
      items.push({
        key: `contract-date:${d.keyDate.id}`,
        kind: 'contract_key_date',
        title: `${d.keyDate.title}: ${d.contractTitle}`,
        detail: d.keyDate.note,
        date: d.keyDate.date,
        overdue: false,
        vendor: ref(d.vendorId, d.vendorName),
        engagement: null,
        href: `/contracts/${d.keyDate.contractId}`,
      });
    }
    return items;
  },

  async exposures(ctx, today) {
    const all = await live(ctx);
    const passed = all.filter((r) => r.keyDates.state === 'renews-unless-notice' && r.keyDates.decideBy !== null && r.keyDates.decideBy < today);
    const out: Exposure[] = [
      {
        key: 'contracts:decide-by-passed',
        label: 'Contracts that renew automatically and whose decide-by date has passed without notice',
        count: passed.length,
        severity: 'high',
        href: '/contracts/key-dates',
        examples: passed.slice(0, EXAMPLES).map((r) => ({ label: `${r.contract.title} (${r.vendorName}): notice by ${dayInWords(r.keyDates.nextNoticeDeadline!)}`, href: `/contracts/${r.contract.id}` })),
      },
    ];
    return out;
  },

  async money(ctx) {
    const running = (await live(ctx)).filter((r) => ['signed', 'active'].includes(r.contract.status) && r.contract.annualValueMinor !== null && r.contract.currency);
    const out: MoneyFigure[] = [
      {
        key: 'contracts:annual-value',
        label: 'Annual value of signed and active contracts',
        period: 'per year',
        amounts: totalsByCurrency(running.map((r) => ({ amountMinor: r.contract.annualValueMinor!, currency: r.contract.currency! }))),
        href: '/contracts',
        note: null,
      },
    ];
    return out;
  },
};
