import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailLink, openAssessmentsAcrossOrgs } from '../modules/assessments/assessments.public.ts';
import { contractRemindersDue } from '../modules/contracts/contracts.public.ts';
import { evidenceExpiringAcrossOrgs } from '../modules/evidence/evidence.public.ts';
import { claimNotification, orgAdmins, releaseNotification } from './reminders.repo.ts';

const DAY = 86_400_000;
const REMINDER_DAYS = [7, 3, 1];
const EXPIRY_DAYS = [60, 30, 7];

function daysUntil(date: string, now: Date): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / DAY);
}

/** Which reminder is due: the window (≤ 7, ≤ 3, ≤ 1 days, overdue) the date is in now. */
export function reminderKind(daysLeft: number, sentDaysBeforeDue: number): string | null {
  if (daysLeft < 0) return 'overdue';
  // A reminder whose window had already begun when the request was sent would only repeat the invitation.
  const n = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
  return n !== undefined && sentDaysBeforeDue > n ? `due-in-${n}` : null;
}

/** The vendor page's Assessments tab, where its evidence is listed (the tab is a path segment: /vendors/:id/:tab). */
export function vendorEvidenceUrl(baseUrl: string, vendorId: string): string {
  return `${baseUrl}/vendors/${vendorId}/assessments`;
}

export interface JobDeps {
  db: Db;
  mailer: Mailer;
  log: FastifyBaseLogger;
  baseUrl: string;
}

/**
 * Sends due reminders (7, 3 and 1 days before the due date, and once when overdue) and
 * evidence expiry alerts (60, 30 and 7 days before). Every message is claimed in the
 * notifications table first, so it goes out once however many servers run this.
 */
export async function runReminders(deps: JobDeps, now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const attempt = async (orgId: string, key: string, to: string, subject: string, send: () => Promise<unknown>) => {
    const claim = await claimNotification(deps.db, { orgId, key, recipient: to, subject, createdAt: now });
    if (!claim) return;
    try {
      await send();
      sent++;
    } catch (err) {
      failed++;
      deps.log.warn({ err, key, to }, 'reminder not sent; will retry');
      await releaseNotification(deps.db, orgId, claim);
    }
  };

  const dueBy = new Date(now.getTime() + 7 * DAY).toISOString().slice(0, 10);
  for (const r of await openAssessmentsAcrossOrgs(deps, dueBy)) {
    const a = r.assessment;
    const daysLeft = daysUntil(a.dueDate, now);
    const kind = reminderKind(daysLeft, daysUntil(a.dueDate, a.sentAt));
    if (!kind || !a.contactUserId) continue;
    await attempt(a.orgId, `assessment:${a.id}:${kind}`, r.contactEmail, kind, () =>
      mailLink(deps.db, deps, { orgId: a.orgId, assessmentId: a.id, contactId: a.contactUserId!, email: r.contactEmail, kind: kind === 'overdue' ? 'overdue' : 'reminder', vendorName: r.vendorName, dueDate: a.dueDate, now, daysLeft }),
    );
  }

  const horizon = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  for (const r of await evidenceExpiringAcrossOrgs(deps, now.toISOString().slice(0, 10), horizon)) {
    const e = r.evidence;
    const daysLeft = daysUntil(e.validUntil!, now);
    const n = [...EXPIRY_DAYS].reverse().find((d) => daysLeft >= 0 && daysLeft <= d);
    if (n === undefined || daysUntil(e.validUntil!, e.createdAt) <= n) continue;
    const recipients = r.owner && !r.owner.disabledAt ? [r.owner] : await orgAdmins(deps.db, e.orgId);
    for (const to of recipients) {
      const subject = `${r.vendorName}: "${e.title}" expires on ${e.validUntil}`;
      await attempt(e.orgId, `evidence:${e.id}:expiry-${n}`, to.email, subject, () =>
        deps.mailer.send({ to: to.email, subject, text: `Hello ${to.name},\n\n${r.vendorName}'s ${e.title} (${e.type}) is valid until ${e.validUntil}. Ask the vendor for the renewed document:\n\n${vendorEvidenceUrl(deps.baseUrl, e.vendorId)}\n` }),
      );
    }
  }

  // Contracts: before the decide-by date at the organisation's offsets, to the internal owner (or the owners and admins).
  for (const r of await contractRemindersDue(deps, now, deps.baseUrl)) {
    const recipients = r.recipient ? [r.recipient] : await orgAdmins(deps.db, r.orgId);
    for (const to of recipients) {
      await attempt(r.orgId, r.key, to.email, r.subject, () => deps.mailer.send({ to: to.email, subject: r.subject, text: r.text.replace('{name}', to.name) }));
    }
  }
  return { sent, failed };
}
