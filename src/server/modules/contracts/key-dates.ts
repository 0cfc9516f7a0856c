import type { z } from 'zod';
import { addDays } from '../../../domain/civil-date.ts';
import { KEY_DATE_KIND_LABELS, type CustomKeyDateInput, type KeyDatesQuery } from '../../../shared/contracts/contracts.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { computeKeyDates } from './contracts.dates.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';
import { loadDateRules } from './contracts.service.ts';

const presentCustom = (r: repo.CustomKeyDateRow) => ({ id: r.id, contractId: r.contractId, title: r.title, date: r.date, note: r.note });

export async function listCustomDates(ctx: Ctx, contractId: string) {
  contractPolicy.authorize(ctx.actor, 'read', await repo.findContractRow(ctx.db, ctx.actor.orgId, contractId));
  return { items: (await repo.customDatesOf(ctx.db, ctx.actor.orgId, contractId)).map(presentCustom) };
}

export async function addCustomDate(ctx: Ctx, contractId: string, input: z.output<typeof CustomKeyDateInput>) {
  contractPolicy.check(ctx.actor, 'notice');
  return change(ctx, async (tx) => {
    const c = contractPolicy.authorize(ctx.actor, 'notice', await repo.lockContract(tx.db, ctx.actor.orgId, contractId));
    const row = await repo.insertCustomDate(tx.db, { ...input, note: input.note ?? null, orgId: ctx.actor.orgId, contractId, createdAt: ctx.now });
    await tx.audit({ action: 'contract_key_date.create', objectType: 'contract', objectId: contractId, objectLabel: c.title, after: row });
    return presentCustom(row);
  });
}

export async function removeCustomDate(ctx: Ctx, contractId: string, id: string) {
  contractPolicy.check(ctx.actor, 'notice');
  await change(ctx, async (tx) => {
    const c = contractPolicy.authorize(ctx.actor, 'notice', await repo.lockContract(tx.db, ctx.actor.orgId, contractId));
    const row = await repo.findCustomDate(tx.db, ctx.actor.orgId, contractId, id);
    if (!row) throw AppError.notFound('The key date');
    await repo.deleteCustomDate(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'contract_key_date.delete', objectType: 'contract', objectId: contractId, objectLabel: c.title, before: row });
  });
}

/** How many contracts the view reads, and how many entries it answers, before it says it was cut. */
const MAX_CONTRACTS = 5000;
const MAX_ENTRIES = 1000;
/** The longest window one request may ask for (two years and a bit). */
const MAX_WINDOW_DAYS = 800;

export interface KeyDateEntry {
  date: string;
  kind: keyof typeof KEY_DATE_KIND_LABELS;
  title: string;
  contractId: string;
  contractTitle: string;
  vendorId: string;
  vendorName: string;
  words: string;
}

/**
 * Every key date of the organisation's live contracts between `from` and `to` (default:
 * today and 90 days on), sorted by date: decide-by dates, notice deadlines, term ends,
 * renewals and the dates users added. `truncated` says when the list was cut.
 */
export async function keyDatesView(ctx: Ctx, q: z.output<typeof KeyDatesQuery>) {
  contractPolicy.check(ctx.actor, 'list');
  const rules = await loadDateRules(ctx);
  const from = q.from ?? rules.today;
  const to = q.to ?? addDays(from, 90);
  if (to < from) throw AppError.invalid('to', 'The end of the window must not be before its start.');
  if (addDays(from, MAX_WINDOW_DAYS) < to) throw AppError.invalid('to', `Ask for at most ${MAX_WINDOW_DAYS} days at once.`);
  const rows = await repo.activeContracts(ctx.db, ctx.actor.orgId, MAX_CONTRACTS + 1);
  let truncated = rows.length > MAX_CONTRACTS;
  const contracts = rows.slice(0, MAX_CONTRACTS);
  const notices = await repo.noticesOf(
    ctx.db,
    ctx.actor.orgId,
    contracts.map((r) => r.contract.id),
  );
  const entries: KeyDateEntry[] = [];
  const words = new Map<string, string>();
  for (const r of contracts) {
    const c = r.contract;
    const k = computeKeyDates(c, notices.find((n) => n.notice.contractId === c.id)?.notice ?? null, rules);
    words.set(c.id, k.words);
    const base = { contractId: c.id, contractTitle: c.title, vendorId: c.vendorId, vendorName: r.vendorName, words: k.words };
    const add = (date: string | null, kind: KeyDateEntry['kind']) => {
      if (date && date >= from && date <= to && !entries.some((e) => e.contractId === c.id && e.kind === kind && e.date === date)) {
        entries.push({ ...base, date, kind, title: KEY_DATE_KIND_LABELS[kind] });
      }
    };
    add(k.decideBy, 'decide_by');
    add(k.noticeDeadline, 'notice_deadline');
    add(k.nextNoticeDeadline, 'notice_deadline');
    add(k.termEnd, 'term_end');
    add(k.renewsOn, 'renewal');
  }
  for (const d of await repo.customDatesBetween(ctx.db, ctx.actor.orgId, from, to, MAX_ENTRIES + 1)) {
    entries.push({
      date: d.keyDate.date,
      kind: 'custom',
      title: d.keyDate.title,
      contractId: d.keyDate.contractId,
      contractTitle: d.contractTitle,
      vendorId: d.vendorId,
      vendorName: d.vendorName,
      words: words.get(d.keyDate.contractId) ?? '',
    });
  }
  const order: Record<KeyDateEntry['kind'], number> = { decide_by: 0, notice_deadline: 1, custom: 2, term_end: 3, renewal: 4 };
  entries.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.contractTitle.localeCompare(b.contractTitle));
  if (entries.length > MAX_ENTRIES) truncated = true;
  return { from, to, items: entries.slice(0, MAX_ENTRIES), truncated };
}
