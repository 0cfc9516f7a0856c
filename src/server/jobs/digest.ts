import { addDays, civilDateIn, dayInWords, isoWeekday } from '../../domain/civil-date.ts';
import type { DueItem } from '../../shared/contracts/dashboard.ts';
import { roleCan } from '../../shared/permissions.ts';
import type { Ctx } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { listDueAhead } from '../modules/dashboard/dashboard.public.ts';
import { allUsers } from '../modules/users/users.public.ts';
import { claimNotification, releaseNotification } from './reminders.repo.ts';
import { forEachOrg, type JobDeps } from './scheduled.ts';

/** How far ahead the digest looks: the week it is sent for. */
const DAYS = 7;

/** The mail: what is overdue first, then by date, each with the page that opens it. */
export function digestText(items: readonly DueItem[], baseUrl: string, to: string): string {
  const line = (d: DueItem) => `- ${d.overdue ? 'Overdue' : dayInWords(d.date)}: ${d.title}${d.detail ? ` (${d.detail})` : ''}\n  ${baseUrl}${d.href}`;
  return [
    `What you own in Outsight that is overdue or due by ${dayInWords(to)}:`,
    '',
    ...items.map(line),
    '',
    `Everything due that you own: ${baseUrl}/due?days=30&mine=true`,
  ].join('\n');
}

/**
 * The weekly digest: each person of each organisation gets, once a week, what the modules name
 * them owner of (a risk to review, a risk or exit action, an exit step, a meeting action)
 * that is overdue or due within seven days — read through the same feeds as the dashboard,
 * as that person, so it shows only what their role may see. Nothing due, no mail. Each mail
 * is claimed first (organisation, person, week), so it goes out once however many servers run.
 */
export async function runWeeklyDigests(deps: JobDeps & { mailer: Mailer; baseUrl: string }, now: Date, only?: readonly string[]): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const today = civilDateIn(now, 'UTC');
  const monday = addDays(today, 1 - isoWeekday(today));
  await forEachOrg(deps, now, 'Weekly digest', async (orgCtx) => {
    for (const u of await allUsers(orgCtx)) {
      if (u.disabled || !roleCan(u.role, 'dashboard.read')) continue;
      const ctx: Ctx = { ...orgCtx, actor: { ...orgCtx.actor, userId: u.id, role: u.role, email: u.email, name: u.name } };
      const due = await listDueAhead(ctx, { days: DAYS, mine: true });
      if (due.items.length === 0) continue;
      const overdue = due.items.filter((d) => d.overdue).length;
      const subject = `Your week in Outsight: ${due.total} ${due.total === 1 ? 'item' : 'items'}${overdue > 0 ? `, ${overdue} overdue` : ''}`;
      const claim = await claimNotification(deps.db, { orgId: orgCtx.actor.orgId, key: `digest:${orgCtx.actor.orgId}:${u.id}:${monday}`, recipient: u.email, subject, createdAt: now });
      if (!claim) continue;
      try {
        await deps.mailer.send({ to: u.email, subject, text: digestText(due.items, deps.baseUrl, due.to) });
        sent++;
      } catch (err) {
        failed++;
        deps.log.warn({ err, userId: u.id }, 'weekly digest not sent; will retry');
        await releaseNotification(deps.db, orgCtx.actor.orgId, claim);
      }
    }
  }, only);
  return { sent, failed };
}
