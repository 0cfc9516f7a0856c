import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { CheckInput, InterviewInput, PilotInput, ProjectInput, ProposalInput, ReferenceInput, type Pilot, type Project } from '../../../shared/contracts/sourcing.ts';
import type { User } from '../../../shared/contracts/users.ts';
import {
  addCandidate,
  addInterview,
  addReference,
  answerCheck,
  attachProposalFile,
  createProject,
  getProject,
  openProposal,
  recordProposal,
  saveScores,
  sendRfi,
  startPilot,
} from '../../modules/sourcing/sourcing.public.ts';
import { createMailer } from '../../mail/mailer.ts';
import { aVendor, orgOf, type OrgHandle, type World } from './core.ts';
import { documentPdf } from './pdf.ts';
import { silentLog } from './silent-log.ts';

/** Builders for choosing a vendor: projects (checked unless told), candidates, proposals, scores, references, interviews, pilots — through the services. */
const uniq = () => randomUUID().slice(0, 8);

/** The check answered "outsource" with every answer in favour. */
export const GOOD_CHECK: z.input<typeof CheckInput> = {
  answers: {
    automatable: { answer: false, note: 'Needs people on the phone' },
    understood: { answer: true },
    core: { answer: false },
    toolsReady: { answer: true },
    peopleTold: { answer: true },
  },
  decision: 'outsource',
  rationale: 'Not core, well understood, and the tools are ready.',
};

/** A project (its need), with the check answered "outsource" unless `checked: false`. */
export async function aSourcingProject(on: World | OrgHandle, o: Partial<z.input<typeof ProjectInput>> & { checked?: boolean } = {}): Promise<Project> {
  const org = await orgOf(on);
  const { checked = true, ...need } = o;
  const p = await createProject(org.ctx(), ProjectInput.parse({ name: `Need ${uniq()}`, scope: 'First-line support for our staff', currency: 'EUR', ...need }));
  return checked ? answerCheck(org.ctx(), p.id, CheckInput.parse(GOOD_CHECK)) : p;
}

/** A candidate of a project: the vendor given (a prospect), or a new prospect. Returns the candidate's id. */
export async function aCandidate(org: OrgHandle, o: { projectId: string; vendorId?: string; vendorName?: string }): Promise<{ id: string; vendorId: string }> {
  const vendorId = o.vendorId ?? (await aVendor(org, { name: o.vendorName ?? `Prospect ${uniq()}`, status: 'prospect', kind: 'help_desk' })).id;
  const p = await addCandidate(org.ctx(), o.projectId, { vendorId });
  const c = p.candidates.find((x) => x.vendorId === vendorId)!;
  return { id: c.id, vendorId };
}

/** A proposal recorded, with the files named attached (small PDFs), and opened unless `open: false`. */
export async function aProposal(org: OrgHandle, candidateId: string, o: Partial<z.input<typeof ProposalInput>> & { open?: boolean; files?: string[] } = {}): Promise<Project> {
  const { open = true, files = [], ...input } = o;
  let p = await recordProposal(org.ctx(), candidateId, ProposalInput.parse({ priceMinor: 10_000_00, currency: 'EUR', receivedOn: '2026-01-15', ...input }));
  for (const name of files) {
    const pdf = documentPdf(name.replace(/\.pdf$/i, ''), [`Received ${input.receivedOn ?? '2026-01-15'}.`, input.team ? `Team: ${input.team}` : '', input.approach ? `Approach: ${input.approach}` : ''].filter(Boolean));
    p = await attachProposalFile(org.ctx(), candidateId, { name, stream: Readable.from([pdf]), declaredBytes: pdf.length });
  }
  return open ? openProposal(org.ctx(), candidateId) : p;
}

/** One evaluator's scores of a candidate, by criterion name. */
export async function scoresBy(org: OrgHandle, evaluator: User, at: { projectId: string; candidateId: string }, byName: Record<string, number>): Promise<Project> {
  const project = await getProject(org.ctx(evaluator), at.projectId);
  const scores = Object.entries(byName).map(([name, score]) => {
    const c = project.criteria.find((x) => x.name === name);
    if (!c) throw new Error(`No criterion named ${name}`);
    return { criterionId: c.id, score };
  });
  return saveScores(org.ctx(evaluator), at.candidateId, { scores });
}

export async function aReference(org: OrgHandle, candidateId: string, o: Partial<z.input<typeof ReferenceInput>> = {}, by?: User): Promise<Project> {
  return addReference(org.ctx(by), candidateId, ReferenceInput.parse({ client: `Client ${uniq()}`, contactName: 'Head of IT', calledOn: '2026-01-20', rating: 4, ...o }));
}

export async function anInterview(org: OrgHandle, candidateId: string, o: Partial<z.input<typeof InterviewInput>> = {}, by?: User): Promise<Project> {
  return addInterview(org.ctx(by), candidateId, InterviewInput.parse({ heldOn: '2026-01-22', communication: 4, clientFeedback: 4, hoursFit: 4, costEffective: 4, ...o }));
}

export async function aPilot(org: OrgHandle, projectId: string, o: Partial<z.input<typeof PilotInput>> & { candidateId: string }): Promise<Pilot> {
  return startPilot(org.ctx(), projectId, PilotInput.parse({ startsOn: '2026-02-01', endsOn: '2026-03-31', ...o }));
}

/** A request for information sent to a candidate through the portal (mail only logged, quietly). */
export async function anRfi(org: OrgHandle, candidateId: string, o: { templateId: string; contactEmail: string; dueDate?: string }): Promise<Project> {
  const ctx = org.ctx();
  const mail = { mailer: createMailer({ smtpUrl: null, from: 'builder@outsight.test', log: silentLog }), baseUrl: ctx.config.publicUrl };
  return sendRfi(ctx, candidateId, { templateId: o.templateId, contactEmail: o.contactEmail, dueDate: o.dueDate ?? new Date(ctx.now.getTime() + 21 * 86_400_000).toISOString().slice(0, 10) }, mail);
}
