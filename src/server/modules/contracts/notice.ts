import type { z } from 'zod';
import { dayInWords } from '../../../domain/civil-date.ts';
import { periodWords } from '../../../domain/contracts/key-dates.ts';
import { CONTRACT_TYPE_LABELS, type Contract, type ContractType, type NoticeInput } from '../../../shared/contracts/contracts.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { orgName } from '../org/org.public.ts';
import { getVendor } from '../vendors/vendors.public.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';
import { getContract, loadDateRules } from './contracts.service.ts';

/**
 * Records that notice was given (of non-renewal, or termination for convenience): the
 * contract then ends at the term end the notice takes effect for (or, for termination,
 * when its own notice runs out). One record per contract.
 */
export async function recordNotice(ctx: Ctx, id: string, input: z.output<typeof NoticeInput>): Promise<Contract> {
  contractPolicy.check(ctx.actor, 'notice');
  const rules = await loadDateRules(ctx);
  if (input.givenOn > rules.today) throw AppError.invalid('givenOn', 'Record notice once it has been given: the date is in the future.');
  await change(ctx, async (tx) => {
    const contract = contractPolicy.authorize(ctx.actor, 'notice', await repo.lockContract(tx.db, ctx.actor.orgId, id));
    if (input.kind === 'termination' && !contract.convenienceTermination) {
      throw AppError.invalid('kind', 'This contract does not allow termination for convenience; give notice of non-renewal.');
    }
    if (input.kind === 'non_renewal' && (!contract.initialTermEnd || contract.renewalKind === 'none')) {
      throw AppError.invalid('kind', 'This contract does not renew, so there is nothing to give notice of non-renewal for.');
    }
    if ((await repo.noticesOf(tx.db, ctx.actor.orgId, [id])).length) throw new AppError('conflict', 'Notice was already recorded for this contract.');
    const row = await repo.insertNotice(tx.db, { ...input, note: input.note ?? null, orgId: ctx.actor.orgId, contractId: id, recordedBy: ctx.actor.userId, createdAt: ctx.now });
    await tx.audit({ action: 'contract_notice.create', objectType: 'contract', objectId: id, objectLabel: contract.title, after: row });
  });
  return getContract(ctx, id);
}

/**
 * A notice letter built from the contract's data, as Markdown: the parties, the contract's
 * title and reference, the term end it takes effect for and the notice clause in words.
 * The user prints it on letterhead, signs and sends it; nothing is sent from here.
 */
export async function noticeLetter(ctx: Ctx, id: string, kind: 'non_renewal' | 'termination'): Promise<{ fileName: string; text: string }> {
  contractPolicy.check(ctx.actor, 'read');
  const c = await getContract(ctx, id);
  const vendor = await getVendor(ctx, c.vendorId);
  const ours = await orgName(ctx.db, ctx.actor.orgId);
  const rules = await loadDateRules(ctx);
  const today = rules.today;
  const typeWords = CONTRACT_TYPE_LABELS[c.type as ContractType].toLowerCase();
  const named = `the ${typeWords} "${c.title}"${c.reference ? ` (reference ${c.reference})` : ''}${c.effectiveOn ? `, effective ${dayInWords(c.effectiveOn)}` : ''}`;
  const lines: string[] = [`# Notice of ${kind === 'termination' ? 'termination' : 'non-renewal'}`, '', `**From:** ${ours}`, `**To:** ${vendor.legalName ?? vendor.name}${vendor.contactName ? `, attention ${vendor.contactName}` : ''}`, `**Date:** ${dayInWords(today)}`, `**Subject:** ${c.title}${c.reference ? ` — ${c.reference}` : ''}`, ''];
  lines.push(`Dear ${vendor.contactName ?? 'Sir or Madam'},`, '');
  if (kind === 'termination') {
    if (!c.convenienceTermination || !c.convenienceNoticeUnit || !c.convenienceNoticeCount) {
      throw new AppError('conflict', 'This contract does not allow termination for convenience; a letter of non-renewal is possible instead.');
    }
    const period = periodWords({ unit: c.convenienceNoticeUnit, count: c.convenienceNoticeCount });
    lines.push(
      `We hereby give notice that we terminate ${named} between ${ours} and ${vendor.legalName ?? vendor.name} for convenience.`,
      '',
      `In accordance with the contract's provision on termination for convenience, which requires ${period}' notice, the termination takes effect at the end of the notice period counted from the day you receive this letter.`,
    );
  } else {
    const end = c.keyDates.state === 'renews-unless-notice' || c.keyDates.state === 'ends-unless-renewed' ? (c.keyDates.noticeDeadline && c.keyDates.noticeDeadline >= today ? c.keyDates.termEnd : null) : c.keyDates.termEnd;
    if (!c.initialTermEnd || c.renewalKind === 'none') throw new AppError('conflict', 'This contract does not renew; no notice of non-renewal is needed.');
    const notice = c.noticeUnit && c.noticeCount ? periodWords({ unit: c.noticeUnit, count: c.noticeCount }) : null;
    lines.push(
      `We hereby give notice that we do not wish to renew ${named} between ${ours} and ${vendor.legalName ?? vendor.name}.`,
      '',
      end
        ? `The contract will therefore end at the end of its current term, on ${dayInWords(end)}, and not renew.`
        : `The contract will therefore end at the end of the term this notice takes effect for, and not renew.`,
    );
    if (notice) lines.push('', `This notice is given in accordance with the contract's notice provision, which requires ${notice}' notice before the end of a term${c.keyDates.noticeDeadline ? ` (for this term: by ${dayInWords(c.keyDates.noticeDeadline)})` : ''}.`);
  }
  lines.push('', 'Please confirm receipt of this notice in writing and let us know your contact for the transition of the services.', '', 'Yours faithfully,', '', '', '______________________________', `${ctx.actor.name}`, `on behalf of ${ours}`, '');
  const safe = c.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'contract';
  return { fileName: `notice-${kind === 'termination' ? 'termination' : 'non-renewal'}-${safe}.md`, text: lines.join('\n') };
}
