import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { BUILTIN_STEPS } from '../../../domain/exit/template.ts';
import { AssetInput, DrillInput, PlanInput, ProfileInput, VendorAccountInput, type EngagementExit } from '../../../shared/contracts/exit.ts';
import { createAsset, createPlan, createVendorAccount, engagementExit, recordDrill, saveProfile, startExit, uploadStepFile } from '../../modules/exit/exit.public.ts';
import type { User } from '../../../shared/contracts/users.ts';
import { anEngagement, orgOf, type OrgHandle, type World } from './core.ts';
import { SMALL_PDF } from './due-diligence.ts';

/** Builders of exit assets, vendor accounts, fallback, plans, drills and running exits, through the services. */
const uniq = () => randomUUID().slice(0, 8);

async function engagementOf(org: OrgHandle, id?: string) {
  return id ?? (await anEngagement(org)).id;
}

export async function anExitAsset(on: World | OrgHandle, o: Partial<z.input<typeof AssetInput>> & { engagementId?: string } = {}) {
  const org = await orgOf(on);
  const { engagementId, ...fields } = o;
  return createAsset(org.ctx(), await engagementOf(org, engagementId), AssetInput.parse({ kind: 'source_repository', name: `Repository ${uniq()}`, holder: 'client', ...fields }));
}

export async function aVendorAccount(on: World | OrgHandle, o: Partial<z.input<typeof VendorAccountInput>> & { engagementId?: string } = {}) {
  const org = await orgOf(on);
  const { engagementId, ...fields } = o;
  return createVendorAccount(org.ctx(), await engagementOf(org, engagementId), VendorAccountInput.parse({ system: 'Cloud console', account: `ops-${uniq()}`, ...fields }));
}

export async function anExitProfile(on: World | OrgHandle, engagementId: string, o: z.input<typeof ProfileInput>): Promise<EngagementExit> {
  const org = await orgOf(on);
  await saveProfile(org.ctx(), engagementId, ProfileInput.parse(o));
  return engagementExit(org.ctx(), engagementId);
}

/** An exit plan built from the organisation's template; `start` starts the exit too. */
export async function anExitPlan(on: World | OrgHandle, o: Partial<z.input<typeof PlanInput>> & { engagementId?: string; start?: boolean } = {}): Promise<EngagementExit> {
  const org = await orgOf(on);
  const { engagementId: given, start, ...fields } = o;
  const engagementId = await engagementOf(org, given);
  const plan = await createPlan(org.ctx(), engagementId, PlanInput.parse(fields));
  if (start) await startExit(org.ctx(), plan.id);
  return engagementExit(org.ctx(), engagementId);
}

/** A drill of every built-in step, done unless `results` says otherwise (by step key). */
export async function anExitDrill(
  on: World | OrgHandle,
  engagementId: string,
  o: Partial<Omit<z.input<typeof DrillInput>, 'results'>> & { results?: Record<string, 'done' | 'problem' | 'not_possible' | { result: 'done' | 'problem' | 'not_possible'; minutesTaken?: number; note?: string }> } = {},
) {
  const org = await orgOf(on);
  const { results = {}, ...fields } = o;
  const steps = BUILTIN_STEPS.filter((s) => Object.keys(results).length === 0 || s.key in results).map((s) => {
    const r = results[s.key] ?? 'done';
    return typeof r === 'string' ? { stepKey: s.key, title: s.title, result: r } : { stepKey: s.key, title: s.title, ...r };
  });
  return recordDrill(org.ctx(), engagementId, DrillInput.parse({ scenario: 'The vendor stops service without warning', kind: 'tabletop', heldOn: org.ctx().now.toISOString().slice(0, 10), participants: ['Service owner'], ...fields, results: steps }));
}

/** A small PDF the vendor contact `contact` uploads for a step of a running exit. */
export async function aStepFile(on: OrgHandle, contact: User, stepId: string, fileName = 'handover.pdf') {
  return uploadStepFile(on.ctx(contact), stepId, { name: fileName, stream: Readable.from([SMALL_PDF]), declaredBytes: SMALL_PDF.length });
}
