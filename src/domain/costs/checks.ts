import { parts } from '../civil-date.ts';
import { formatMoney } from '../money.ts';
import { lineAddsUp, lineAmount, milliToQuantity, monthName } from './fiscal.ts';

/**
 * The checks run on every invoice when it is saved, each explained in plain words. Pure:
 * the service gathers the facts (the contract's rate card, the vendor's other invoices, the
 * milestones' acceptance) and stores what fails, keyed so an override survives a save that
 * leaves the same finding in the same words.
 */
export const CHECK_CODES = ['duplicate', 'over_rate', 'no_rate', 'period_overlap', 'arithmetic', 'milestone_not_accepted'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];
export const CHECK_LABELS: Record<CheckCode, string> = {
  duplicate: 'Possible duplicate',
  over_rate: 'Price above the rate card',
  no_rate: 'Not on the rate card',
  period_overlap: 'Period already invoiced',
  arithmetic: 'Amounts do not add up',
  milestone_not_accepted: 'Milestone not accepted',
};

export interface CheckLine {
  position: number;
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceMinor: number;
  amountMinor: number;
  taxMinor: number;
  rateCardItemId: string | null;
  milestoneId: string | null;
  /** The change request the line bills, if it names one. */
  changeRequestId?: string | null;
  /** A service credit line (a deduction for an SLA month): not billed work, so not held to the rate card. */
  serviceCreditMonth?: string | null;
}
export interface CheckInvoice {
  id: string | null;
  number: string;
  invoiceDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  contractId: string | null;
  contractTitle: string | null;
  engagementId: string | null;
  lines: CheckLine[];
}
export interface RateItem {
  id: string;
  name: string;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  validFrom: string | null;
  validTo: string | null;
}
/** Another invoice of the same vendor, as far as the checks need it. */
export interface OtherInvoice {
  id: string;
  number: string;
  invoiceDate: string;
  totalMinor: number;
  currency: string;
  contractId: string | null;
  engagementId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  status: string;
}
export interface MilestoneFacts {
  id: string;
  name: string;
  accepted: boolean;
  /** The deliverables still waiting, in words ("Load test report" (in progress)). */
  waitingFor: string[];
}
/** A change request a line names: its title and whether it is agreed (approved or implemented). */
export interface ChangeFacts {
  id: string;
  title: string;
  agreed: boolean;
  /** Its status in words ("proposed", "rejected"). */
  statusWords: string;
}
export interface CheckFacts {
  rateCard: RateItem[];
  others: OtherInvoice[];
  milestones: Map<string, MilestoneFacts>;
  changeRequests?: Map<string, ChangeFacts>;
}
export interface CheckResult {
  key: string;
  code: CheckCode;
  linePosition: number | null;
  words: string;
  /** The other invoices a duplicate or period check names, so a reviewer can open them. */
  relatedInvoiceIds?: string[];
}

const UNIT_WORDS: Record<string, string> = { hour: 'hour', day: 'day', month: 'month', ticket: 'ticket', user: 'user', fixed: 'fixed price' };
const per = (unit: string) => (unit === 'fixed' ? 'fixed price' : `per ${UNIT_WORDS[unit] ?? unit}`);
export const dateInWords = (d: string) => {
  const p = parts(d);
  return `${p.day} ${monthName(p.month)} ${p.year}`;
};
const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
/** How invoice numbers are compared: case, outer and repeated spaces ignored. */
export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const validOn = (item: RateItem, date: string) => (!item.validFrom || item.validFrom <= date) && (!item.validTo || date <= item.validTo);
const lineName = (l: CheckLine) => `Line ${l.position} ("${l.description}")`;
const periodWords = (from: string | null, to: string | null) => `${dateInWords(from!)} – ${dateInWords(to!)}`;

// Each item's name as compared, made once: an import compares every line with its card's items.
const NAMES = new WeakMap<RateItem, { raw: string; n: string }>();
function nameOf(i: RateItem): string {
  const kept = NAMES.get(i);
  if (kept && kept.raw === i.name) return kept.n;
  const n = norm(i.name);
  NAMES.set(i, { raw: i.name, n });
  return n;
}

/** The rate-card item a line is billed under: the one it names, else one with its description and unit; valid on the invoice date. */
function rateFor(line: CheckLine, inv: CheckInvoice, card: RateItem[]): { item: RateItem | null; why: string | null } {
  const named = line.rateCardItemId ? card.find((i) => i.id === line.rateCardItemId) : undefined;
  const name = named ? norm(named.name) : norm(line.description);
  const unit = named ? named.unit : line.unit;
  const same = card.filter((i) => nameOf(i) === name && i.unit === unit);
  if (same.length === 0) return { item: null, why: null };
  const valid = same.filter((i) => validOn(i, inv.invoiceDate));
  if (valid.length === 0) return { item: null, why: `the rate card has "${same[0].name}" ${per(unit)}, but not valid on the invoice date (${dateInWords(inv.invoiceDate)})` };
  const inCurrency = valid.filter((i) => i.currency === inv.currency);
  if (inCurrency.length === 0) return { item: null, why: `the rate card prices "${valid[0].name}" in ${valid[0].currency}, the invoice is in ${inv.currency}` };
  // Several valid items (an overlap in the card): the invoice is held to the cheapest.
  return { item: inCurrency.reduce((a, b) => (b.unitPriceMinor < a.unitPriceMinor ? b : a)), why: null };
}

export function checkInvoice(inv: CheckInvoice, facts: CheckFacts): CheckResult[] {
  const out: CheckResult[] = [];
  const add = (code: CheckCode, key: string, linePosition: number | null, words: string, related?: Array<{ id: string }>) =>
    out.push(related ? { code, key, linePosition, words, relatedInvoiceIds: related.map((o) => o.id) } : { code, key, linePosition, words });

  // Duplicate: the same number from this vendor, or the same amount on the same date.
  const others = facts.others.filter((o) => o.id !== inv.id);
  const sameNumber = others.filter((o) => norm(o.number) === norm(inv.number));
  if (sameNumber.length) {
    const o = sameNumber[0];
    add('duplicate', 'duplicate:number', null, `This vendor's invoice number ${inv.number} was already entered: the invoice of ${dateInWords(o.invoiceDate)} for ${money(o.totalMinor, o.currency)}. Paying both would pay it twice.`, sameNumber);
  }
  const sameAmount = others.filter((o) => o.status !== 'disputed' && o.invoiceDate === inv.invoiceDate && o.totalMinor === inv.totalMinor && o.currency === inv.currency && !sameNumber.includes(o));
  if (sameAmount.length) {
    add('duplicate', 'duplicate:amount-date', null, `Another invoice from this vendor (number ${sameAmount[0].number}) has the same total, ${money(inv.totalMinor, inv.currency)}, and the same date, ${dateInWords(inv.invoiceDate)}: it may be the same invoice entered twice.`, sameAmount);
  }

  // A period already invoiced for the same contract (or, without one, the same engagement).
  if (inv.periodFrom && inv.periodTo && (inv.contractId || inv.engagementId)) {
    const scope = inv.contractId ? 'contract' : 'engagement';
    const overlapping = others.filter(
      (o) =>
        o.status !== 'disputed' &&
        o.periodFrom &&
        o.periodTo &&
        (inv.contractId ? o.contractId === inv.contractId : !o.contractId && o.engagementId === inv.engagementId) &&
        o.periodFrom <= inv.periodTo! &&
        inv.periodFrom! <= o.periodTo,
    );
    if (overlapping.length) {
      const list = overlapping.map((o) => `invoice ${o.number} (${periodWords(o.periodFrom, o.periodTo)})`).join(', ');
      add('period_overlap', 'period_overlap', null, `The period ${periodWords(inv.periodFrom, inv.periodTo)} was already invoiced for the same ${scope}: ${list}.`, overlapping);
    }
  }

  // Arithmetic: each line, then the totals.
  for (const l of inv.lines) {
    if (!lineAddsUp(l.quantityMilli, l.unitPriceMinor, l.amountMinor)) {
      add(
        'arithmetic',
        `arithmetic:line:${l.position}`,
        l.position,
        `${lineName(l)}: ${milliToQuantity(l.quantityMilli)} × ${money(l.unitPriceMinor, inv.currency)} is ${money(lineAmount(l.quantityMilli, l.unitPriceMinor), inv.currency)}, but the line says ${money(l.amountMinor, inv.currency)}.`,
      );
    }
  }
  const lineSum = inv.lines.reduce((s, l) => s + l.amountMinor, 0);
  const taxSum = inv.lines.reduce((s, l) => s + l.taxMinor, 0);
  if (lineSum !== inv.subtotalMinor) {
    add('arithmetic', 'arithmetic:subtotal', null, `The lines add up to ${money(lineSum, inv.currency)}, but the invoice's net total says ${money(inv.subtotalMinor, inv.currency)}.`);
  }
  if (taxSum !== inv.taxMinor) {
    add('arithmetic', 'arithmetic:tax', null, `The tax of the lines adds up to ${money(taxSum, inv.currency)}, but the invoice's tax says ${money(inv.taxMinor, inv.currency)}.`);
  }
  if (inv.subtotalMinor + inv.taxMinor !== inv.totalMinor) {
    add('arithmetic', 'arithmetic:total', null, `Net ${money(inv.subtotalMinor, inv.currency)} plus tax ${money(inv.taxMinor, inv.currency)} is ${money(inv.subtotalMinor + inv.taxMinor, inv.currency)}, but the invoice's total says ${money(inv.totalMinor, inv.currency)}.`);
  }

  // Rate card and milestones, line by line.
  for (const l of inv.lines) {
    if (l.serviceCreditMonth) continue;
    if (l.milestoneId) {
      const m = facts.milestones.get(l.milestoneId);
      if (m && !m.accepted) {
        const waiting = m.waitingFor.length ? `; still waiting for ${m.waitingFor.join(', ')}` : '';
        add('milestone_not_accepted', `milestone:line:${l.position}`, l.position, `${lineName(l)} bills milestone "${m.name}", whose deliverables are not all accepted${waiting}.`);
      }
      continue; // A milestone line is held to the milestone, not to a unit rate.
    }
    if (l.changeRequestId) {
      // Extra work billed under an approved change request is agreed scope, not an unapproved extra.
      const cr = facts.changeRequests?.get(l.changeRequestId);
      if (cr && !cr.agreed) {
        add('no_rate', `no_rate:line:${l.position}`, l.position, `${lineName(l)} bills change request "${cr.title}", which is ${cr.statusWords}, not approved: the work it bills was never agreed. Approve the change first, or override with the reason it may be paid.`);
      }
      if (cr) continue;
    }
    if (!inv.contractId) {
      add('no_rate', `no_rate:line:${l.position}`, l.position, `${lineName(l)} cannot be compared with a rate card: the invoice names no contract. Name the contract, name the approved change request the line bills, or override with the reason it may be paid.`);
      continue;
    }
    const { item, why } = rateFor(l, inv, facts.rateCard);
    if (!item) {
      add(
        'no_rate',
        `no_rate:line:${l.position}`,
        l.position,
        `${lineName(l)} matches no item of the rate card of "${inv.contractTitle ?? 'the contract'}"${why ? ` (${why})` : ''} and names no approved change request: it may be extra work that was never approved. Name the approved change request the line bills, or override with the reason it may be paid.`,
      );
    } else if (l.unitPriceMinor > item.unitPriceMinor) {
      const over = l.unitPriceMinor - item.unitPriceMinor;
      add(
        'over_rate',
        `over_rate:line:${l.position}`,
        l.position,
        `${lineName(l)} charges ${money(l.unitPriceMinor, inv.currency)} ${per(item.unit)}; the rate card allows ${money(item.unitPriceMinor, item.currency)} for "${item.name}" on ${dateInWords(inv.invoiceDate)}: ${money(over, inv.currency)} too much per unit, ${money(lineAmount(l.quantityMilli, over), inv.currency)} on this line.`,
      );
    }
  }
  return out;
}
