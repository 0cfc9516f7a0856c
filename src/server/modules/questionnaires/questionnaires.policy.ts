import { definePolicy } from '../../policy.ts';
import type { QuestionnaireRow } from './questionnaires.repo.ts';

/**
 * Questionnaires are the organisation's own: vendor contacts never see one as such (they
 * answer the version an assessment was sent with, which the assessment's policy guards).
 */
export const questionnairePolicy = definePolicy<QuestionnaireRow, 'list' | 'read' | 'create' | 'update' | 'archive' | 'send'>({
  label: 'The questionnaire',
  actions: {
    list: { permission: 'assessment.read' },
    read: { permission: 'assessment.read' },
    create: { permission: 'template.write' },
    update: { permission: 'template.write' },
    archive: { permission: 'template.write' },
    // Named in a new assessment: an archived questionnaire is no longer sent.
    send: { permission: 'assessment.write', when: (q) => q.archivedAt === null || 'This questionnaire is archived; choose one in use.' },
  },
});
