import type { Readable } from 'node:stream';
import type { Project } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload, type UploadedFile } from '../evidence/evidence.public.ts';
import { getProject } from './projects.ts';
import { candidatePolicy } from './sourcing.policy.ts';
import * as repo from './sourcing.repo.ts';

/**
 * A file that came with a candidate's proposal, stored where evidence is (same size cap, type
 * read from the content). It is sealed with the proposal: attached only before the proposal is
 * opened, readable only after, so no evaluator reads one offer ahead of the others.
 */
export async function attachProposalFile(ctx: Ctx, candidateId: string, file: UploadedFile): Promise<Project> {
  candidatePolicy.check(ctx.actor, 'attach');
  candidatePolicy.authorize(ctx.actor, 'attach', await repo.findCandidate(ctx.db, ctx.actor.orgId, candidateId));
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume();
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  const fileName = cleanFileName(file.name);
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  let projectId = '';
  try {
    await change(ctx, async (tx) => {
      // Checked again under the candidate's lock: the proposal may have been opened while the file streamed in.
      const c = candidatePolicy.authorize(ctx.actor, 'attach', await repo.findCandidate(tx.db, ctx.actor.orgId, candidateId, true));
      projectId = c.projectId;
      const row = await repo.insertProposalFile(tx.db, { orgId: ctx.actor.orgId, candidateId, fileName, ...stored, uploadedBy: ctx.actor.userId, createdAt: ctx.now });
      await tx.audit({ action: 'sourcing_candidate.attach_proposal_file', objectType: 'sourcing_candidate', objectId: candidateId, objectLabel: `${fileName} with the proposal of ${c.vendorName} for ${c.project.name}`, after: row });
    });
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
  return getProject(ctx, projectId);
}

export async function downloadProposalFile(ctx: Ctx, candidateId: string, fileId: string): Promise<{ stream: Readable; size: number; contentType: string; disposition: string }> {
  candidatePolicy.check(ctx.actor, 'readFile');
  candidatePolicy.authorize(ctx.actor, 'readFile', await repo.findCandidate(ctx.db, ctx.actor.orgId, candidateId));
  const f = await repo.findProposalFile(ctx.db, ctx.actor.orgId, candidateId, fileId);
  if (!f) throw AppError.notFound('The file');
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, f.storageKey);
  return { stream, size, contentType: f.contentType, disposition: attachmentHeader(f.fileName) };
}
