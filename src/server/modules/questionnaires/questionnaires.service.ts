import { importTemplate, TemplateSchema, type Template } from '../../../domain/questionnaire/template.ts';
import { importVsaq } from '../../../domain/questionnaire/vsaq.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import * as repo from './questionnaires.repo.ts';

export function countTemplate(t: Template): { questions: number; conditions: number } {
  let questions = 0;
  let conditions = 0;
  for (const s of t.sections) {
    if (s.condition) conditions++;
    for (const q of s.questions) {
      questions++;
      if (q.condition) conditions++;
    }
  }
  return { questions, conditions };
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

function toDetail(t: repo.TemplateRow, v: repo.VersionRow, versions: Awaited<ReturnType<typeof repo.listVersions>>) {
  return {
    id: t.id,
    name: t.name,
    origin: t.origin,
    latestVersion: t.latestVersion,
    questionCount: v.questionCount,
    updatedAt: t.updatedAt.toISOString(),
    version: v.version,
    versionId: v.id,
    definition: v.definition,
    versions: versions.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
  };
}

export async function listTemplates(ctx: Ctx) {
  return (await repo.listTemplates(ctx.db, ctx.actor.orgId)).map((r) => ({
    id: r.template.id,
    name: r.template.name,
    origin: r.template.origin,
    latestVersion: r.template.latestVersion,
    questionCount: r.questionCount,
    updatedAt: r.template.updatedAt.toISOString(),
  }));
}

export async function getTemplate(ctx: Ctx, id: string, version?: number) {
  const t = await repo.findTemplate(ctx.db, ctx.actor.orgId, id);
  if (!t) throw AppError.notFound('The questionnaire');
  const v = await repo.findVersion(ctx.db, ctx.actor.orgId, id, version ?? t.latestVersion);
  if (!v) throw AppError.notFound(`Version ${version} of the questionnaire`);
  return toDetail(t, v, await repo.listVersions(ctx.db, ctx.actor.orgId, id));
}

/** Stores a new questionnaire (version 1). Used by the editor, imports and the built-in copy. */
export async function createTemplate(db: Db, actor: AuditActor, input: { name: string; origin: string; definition: Template }, requestId: string | null, now = new Date()) {
  const { questions } = countTemplate(input.definition);
  return db.transaction(async (tx) => {
    const t = await repo.insertTemplate(tx, { orgId: actor.orgId, name: input.name, origin: input.origin, latestVersion: 1, createdAt: now, updatedAt: now });
    const v = await repo.insertVersion(tx, { orgId: actor.orgId, templateId: t.id, version: 1, definition: input.definition, questionCount: questions, createdBy: actor.userId, createdAt: now });
    await recordAudit(tx, { actor, requestId }, { action: 'questionnaire.create', objectType: 'questionnaire', objectId: t.id, after: { ...t, version: 1, questions } });
    return { template: t, version: v };
  });
}

/** Saves an edit as the next version; assessments already sent keep the version they were sent with. */
export async function saveTemplateVersion(ctx: Ctx, id: string, input: { name: string; definition: unknown }) {
  const definition = parseDefinition(input.definition);
  const { questions } = countTemplate(definition);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findTemplate(tx, ctx.actor.orgId, id, true);
    if (!before) throw AppError.notFound('The questionnaire');
    const version = before.latestVersion + 1;
    await repo.insertVersion(tx, { orgId: ctx.actor.orgId, templateId: id, version, definition, questionCount: questions, createdBy: ctx.actor.userId, createdAt: ctx.now });
    const after = await repo.updateTemplate(tx, ctx.actor.orgId, id, { name: input.name, latestVersion: version, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'questionnaire.version', objectType: 'questionnaire', objectId: id, before, after: { ...after, questions } });
  });
  return getTemplate(ctx, id);
}

export async function archiveTemplate(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findTemplate(tx, ctx.actor.orgId, id, true);
    if (!before) throw AppError.notFound('The questionnaire');
    const after = await repo.updateTemplate(tx, ctx.actor.orgId, id, { archivedAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'questionnaire.archive', objectType: 'questionnaire', objectId: id, before, after });
  });
}

/**
 * Imports a questionnaire file: Google's VSAQ (conditions and severities kept, anything
 * unusable listed in `skipped`) or Outsight's own JSON export. Used by the API and the CLI.
 */
export async function importQuestionnaire(ctx: Ctx, text: string, opts: { format: 'vsaq' | 'outsight'; name?: string }) {
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
  const { template, version } = await createTemplate(ctx.db, ctx.actor, { name: opts.name ?? definition.name, origin: opts.format, definition }, ctx.requestId, ctx.now);
  return { templateId: template.id, version: version.version, ...countTemplate(definition), skipped };
}
