import type { z } from 'zod';
import { BUILT_IN_TEMPLATE } from '../../../domain/questionnaire/builtin-template.ts';
import { importTemplate, TemplateSchema, type Template } from '../../../domain/questionnaire/template.ts';
import { importVsaq } from '../../../domain/questionnaire/vsaq.ts';
import type { QuestionnaireDetail, QuestionnaireImportResult, QuestionnaireListQuery } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { questionnairePolicy } from './questionnaires.policy.ts';
import { presentQuestionnaire, presentQuestionnaireSummary } from './questionnaires.presenter.ts';
import * as repo from './questionnaires.repo.ts';

type Detail = z.output<typeof QuestionnaireDetail>;

export function countQuestionnaire(t: Template): { questions: number; fromQuestions: number; fromTips: number; conditions: number } {
  let questions = 0;
  let fromTips = 0;
  let conditions = 0;
  for (const s of t.sections) {
    if (s.condition) conditions++;
    for (const q of s.questions) {
      questions++;
      // A VSAQ tip that asks "why" becomes an answer box: counted apart, so totals explain themselves.
      if (q.source?.vsaqType === 'tip') fromTips++;
      if (q.condition) conditions++;
    }
  }
  return { questions, fromQuestions: questions - fromTips, fromTips, conditions };
}

/** The domain schema is the judge of a questionnaire; its issues become field errors. */
export function parseDefinition(definition: unknown): Template {
  const parsed = TemplateSchema.safeParse(definition);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The questionnaire is not valid.', {
      issues: parsed.error.issues.slice(0, 100).map((i) => ({ path: ['definition', ...i.path].join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** One page of the questionnaires in use, by name. */
export async function listQuestionnaires(ctx: Ctx, q: z.output<typeof QuestionnaireListQuery>) {
  questionnairePolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.QUESTIONNAIRE_SORT, (after, limit) => repo.listQuestionnaires(ctx.db, ctx.actor.orgId, after, limit), presentQuestionnaireSummary);
}

/** A questionnaire at its latest version, or at `version`. */
export async function getQuestionnaire(ctx: Ctx, id: string, version?: number): Promise<Detail> {
  const q = questionnairePolicy.authorize(ctx.actor, 'read', await repo.findQuestionnaire(ctx.db, ctx.actor.orgId, id));
  const v = await repo.findVersion(ctx.db, ctx.actor.orgId, id, version ?? q.latestVersion);
  if (!v) throw AppError.notFound(`Version ${version} of the questionnaire`);
  return presentQuestionnaire(q, v, await repo.listVersions(ctx.db, ctx.actor.orgId, id));
}

/** Stores a new questionnaire as version 1: the editor, imports and the built-in copy all come here. */
export async function createQuestionnaire(ctx: Ctx, input: { name: string; origin: 'builtin' | 'vsaq' | 'outsight' | 'custom'; definition: Template }): Promise<Detail> {
  questionnairePolicy.check(ctx.actor, 'create');
  const { questions } = countQuestionnaire(input.definition);
  const id = await change(ctx, async (tx) => {
    const q = await repo.insertQuestionnaire(tx.db, { orgId: ctx.actor.orgId, name: input.name, origin: input.origin, latestVersion: 1, createdAt: ctx.now, updatedAt: ctx.now });
    await repo.insertVersion(tx.db, { orgId: ctx.actor.orgId, templateId: q.id, version: 1, definition: input.definition, questionCount: questions, createdBy: ctx.actor.userId, createdAt: ctx.now });
    await tx.audit({ action: 'questionnaire.create', objectType: 'questionnaire', objectId: q.id, after: { ...q, version: 1, questions } });
    return q.id;
  });
  return getQuestionnaire(ctx, id);
}

/** A copy of the built-in outsourced-IT questionnaire, to use as it is or to edit. */
export function addBuiltInQuestionnaire(ctx: Ctx): Promise<Detail> {
  return createQuestionnaire(ctx, { name: BUILT_IN_TEMPLATE.name, origin: 'builtin', definition: BUILT_IN_TEMPLATE });
}

/** Saves an edit as the next version; assessments already sent keep the version they were sent with. */
export async function saveQuestionnaireVersion(ctx: Ctx, id: string, input: { name: string; definition: unknown }): Promise<Detail> {
  questionnairePolicy.check(ctx.actor, 'update');
  const definition = parseDefinition(input.definition);
  const { questions } = countQuestionnaire(definition);
  await change(ctx, async (tx) => {
    const before = questionnairePolicy.authorize(ctx.actor, 'update', await repo.lockQuestionnaire(tx.db, ctx.actor.orgId, id));
    const version = before.latestVersion + 1;
    await repo.insertVersion(tx.db, { orgId: ctx.actor.orgId, templateId: id, version, definition, questionCount: questions, createdBy: ctx.actor.userId, createdAt: ctx.now });
    const after = await repo.updateQuestionnaire(tx.db, ctx.actor.orgId, id, { name: input.name, latestVersion: version, updatedAt: ctx.now });
    await tx.audit({ action: 'questionnaire.version', objectType: 'questionnaire', objectId: id, before, after: { ...after, questions } });
  });
  return getQuestionnaire(ctx, id);
}

export async function archiveQuestionnaire(ctx: Ctx, id: string): Promise<void> {
  questionnairePolicy.check(ctx.actor, 'archive');
  await change(ctx, async (tx) => {
    const before = questionnairePolicy.authorize(ctx.actor, 'archive', await repo.lockQuestionnaire(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateQuestionnaire(tx.db, ctx.actor.orgId, id, { archivedAt: before.archivedAt ?? ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'questionnaire.archive', objectType: 'questionnaire', objectId: id, before, after });
  });
}

/**
 * Imports a questionnaire file: Google's VSAQ (conditions and severities kept, anything
 * unusable listed in `skipped`) or Outsight's own JSON export. Used by the API and the CLI.
 */
export async function importQuestionnaire(ctx: Ctx, text: string, opts: { format: 'vsaq' | 'outsight'; name?: string }): Promise<z.output<typeof QuestionnaireImportResult>> {
  questionnairePolicy.check(ctx.actor, 'create');
  let definition: Template;
  let skipped: Array<{ id?: string; type?: string; reason: string }> = [];
  if (opts.format === 'vsaq') {
    try {
      const r = importVsaq(text, { name: opts.name });
      definition = r.template;
      skipped = [...r.report.skipped];
    } catch (err) {
      throw new AppError('import_rejected', `Not a VSAQ questionnaire: ${(err as Error).message}`, { rejected: [{ line: 0, field: '(file)', reason: (err as Error).message }] });
    }
  } else {
    const r = importTemplate(text);
    if ('issues' in r) {
      throw new AppError('validation_failed', 'The questionnaire file is not valid.', { issues: r.issues.slice(0, 100).map((i) => ({ path: i.path, message: i.message })) });
    }
    definition = r.template;
  }
  const created = await createQuestionnaire(ctx, { name: opts.name ?? definition.name, origin: opts.format, definition });
  return { templateId: created.id, version: created.version, ...countQuestionnaire(definition), skipped };
}

/**
 * A questionnaire id named in a new assessment: one of the organisation's questionnaires
 * in use, with its latest version (what the assessment is sent with); an invalid field otherwise.
 */
export async function referenceQuestionnaire(ctx: Ctx, id: string, field = 'templateId'): Promise<{ questionnaire: repo.QuestionnaireRow; version: repo.VersionRow }> {
  const q = questionnairePolicy.reference(ctx.actor, 'send', await repo.findQuestionnaire(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your questionnaires.');
  const version = await repo.findVersion(ctx.db, ctx.actor.orgId, q.id, q.latestVersion);
  if (!version) throw AppError.notFound('The questionnaire version');
  return { questionnaire: q, version };
}

/**
 * The questions of the version an assessment was sent with. The caller has already
 * authorized that assessment (a vendor contact answers a version without ever seeing the
 * questionnaire it belongs to), so this asks no policy of its own.
 */
export async function definitionOfVersion(ctx: Ctx, versionId: string): Promise<Template> {
  const v = await repo.findVersionById(ctx.db, ctx.actor.orgId, versionId);
  if (!v) throw AppError.notFound('The questionnaire version');
  return v.definition as Template;
}
