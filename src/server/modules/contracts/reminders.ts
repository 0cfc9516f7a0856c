import { daysBetween } from '../../../domain/civil-date.ts';
import { dayInWords } from '../../../domain/civil-date.ts';
import type { Db } from '../../db/client.ts';
import { computeKeyDates, dateRules } from './contracts.dates.ts';
import * as repo from './contracts.repo.ts';

/** How many contracts one run of the reminder job looks at, across every organisation. */
const MAX_CONTRACTS = 20_000;

export interface ContractReminder {
  orgId: string;
  contractId: string;
  /** The notification key: once per contract, decide-by date and offset, whatever the number of servers. */
  key: string;
  subject: string;
  text: string;
  /** The contract's internal owner; null: the organisation's owners and admins. */
  recipient: { email: string; name: string } | null;
}

/**
 * The contract reminders due at `now`, across every organisation: for each live contract
 * whose decision is still open, the reminder of the smallest offset (the organisation's,
 * default 90, 60, 30 and 7 days) the decide-by date is now within, and one more once the
 * decide-by date has passed while the notice deadline has not. Computing only; the job
 * claims and sends.
 */
export async function contractRemindersDue(deps: { db: Db }, now: Date, baseUrl: string): Promise<ContractReminder[]> {
  const out: ContractReminder[] = [];
  for (const r of await repo.remindableContractsAllOrgs(deps.db, MAX_CONTRACTS)) {
    const c = r.contract;
    const cal = r.calendarId && r.calendar ? { timeZone: r.calendar.timeZone, week: r.calendar.week as Record<string, unknown[]>, holidays: r.calendar.holidays } : null;
    const rules = dateRules(now, r.settings, cal);
    const k = computeKeyDates(c, r.noticeId ? r.notice : null, rules);
    if (!k.decideBy || !k.nextNoticeDeadline) continue;
    const daysLeft = daysBetween(rules.today, k.decideBy);
    let which: string | null = null;
    if (daysLeft < 0) which = 'decide-by-passed';
    else {
      const n = [...rules.reminderOffsets].sort((a, b) => a - b).find((d) => daysLeft <= d);
      if (n !== undefined) which = `before-${n}`;
    }
    if (!which) continue;
    const subject =
      daysLeft < 0
        ? `${c.title} (${r.vendorName}): the decide-by date has passed; notice is due by ${dayInWords(k.nextNoticeDeadline)}`
        : `${c.title} (${r.vendorName}): decide by ${dayInWords(k.decideBy)}`;
    const recipient = r.ownerId && r.owner && !r.owner.disabledAt ? { email: r.owner.email, name: r.owner.name } : null;
    const text = [
      `Hello {name},`,
      '',
      `${c.title} with ${r.vendorName}: ${k.words}`,
      '',
      daysLeft < 0
        ? `The date to decide by, ${dayInWords(k.decideBy)}, has passed. Notice must be given by ${dayInWords(k.nextNoticeDeadline)}.`
        : `Decide by ${dayInWords(k.decideBy)} (${daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`}) whether to give notice; the notice deadline is ${dayInWords(k.nextNoticeDeadline)}.`,
      '',
      `The contract, its key dates and a notice letter: ${baseUrl}/contracts/${c.id}`,
      '',
    ].join('\n');
    out.push({ orgId: c.orgId, contractId: c.id, key: `contract:${c.id}:${k.decideBy}:${which}`, subject, text, recipient });
  }
  return out;
}
