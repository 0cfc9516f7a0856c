import type { z } from 'zod';
import type { Template } from '../../../domain/questionnaire/template.ts';
import type { QuestionnaireDetail, QuestionnaireSummary } from '../../../shared/contracts/due-diligence.ts';
import type { QuestionnaireListRow, QuestionnaireRow, VersionRow } from './questionnaires.repo.ts';

type Versions = Array<{ id: string; version: number; questionCount: number; createdAt: Date }>;

export function presentQuestionnaireSummary(r: QuestionnaireListRow): z.output<typeof QuestionnaireSummary> {
  const q = r.questionnaire;
  return { id: q.id, name: q.name, origin: q.origin, latestVersion: q.latestVersion, questionCount: r.questionCount, updatedAt: q.updatedAt.toISOString() };
}

export function presentQuestionnaire(q: QuestionnaireRow, v: VersionRow, versions: Versions): z.output<typeof QuestionnaireDetail> {
  return {
    ...presentQuestionnaireSummary({ questionnaire: q, questionCount: v.questionCount }),
    version: v.version,
    versionId: v.id,
    definition: v.definition as Template,
    versions: versions.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
  };
}
