import { describe, expect, it } from 'vitest';
import { checkAnswers, visibleQuestionIds } from '../../../src/domain/questionnaire/answers.ts';
import { BUILT_IN_TEMPLATE } from '../../../src/domain/questionnaire/builtin-template.ts';
import { formOf } from '../../../src/domain/questionnaire/form.ts';
import { answerWindows, submitWindow } from '../../../src/domain/questionnaire/reopen.ts';
import type { Template } from '../../../src/domain/questionnaire/template.ts';

const T: Template = {
  name: 'Reopen',
  description: 'About reopening',
  sections: [
    {
      id: 's1',
      title: 'One',
      questions: [
        { id: 'mfa', type: 'yes_no', text: 'MFA?', required: true, weight: 2, topic: 'access_control', severity: 'high', finding: 'No MFA', yesScore: 1, noScore: 0 },
        {
          id: 'scope',
          type: 'single_choice',
          text: 'For whom?',
          help: 'Pick one',
          required: true,
          weight: 1,
          topic: 'access_control',
          severity: 'medium',
          choices: [
            { id: 'all', label: 'Everyone', score: 1 },
            { id: 'admins', label: 'Admins', score: 0.5 },
          ],
          condition: { op: 'equals', question: 'mfa', value: true },
        },
        { id: 'notes', type: 'long_text', text: 'Notes', required: false, weight: 0, topic: 'data_security', severity: 'info' },
      ],
    },
    { id: 's2', title: 'Two', condition: { op: 'equals', question: 'mfa', value: false }, questions: [{ id: 'why', type: 'short_text', text: 'Why not?', required: false, weight: 1, topic: 'people', severity: 'low' }] },
  ],
};

describe('formOf: what the vendor sees of a questionnaire', () => {
  it('keeps questions, types, labels, required and conditions, and nothing of the scoring', () => {
    const form = formOf(T);
    const text = JSON.stringify(form);
    for (const secret of ['weight', 'severity', 'score', 'finding', 'topic', 'yesScore', 'noScore', 'No MFA']) expect(text).not.toContain(secret);
    expect(form.sections[0].questions[1]).toEqual({
      id: 'scope',
      type: 'single_choice',
      text: 'For whom?',
      help: 'Pick one',
      required: true,
      choices: [
        { id: 'all', label: 'Everyone' },
        { id: 'admins', label: 'Admins' },
      ],
      condition: { op: 'equals', question: 'mfa', value: true },
    });
    expect(form.sections[1].condition).toEqual({ op: 'equals', question: 'mfa', value: false });
  });

  it('hides and checks answers exactly as the full questionnaire does', () => {
    const full = BUILT_IN_TEMPLATE;
    const form = formOf(full);
    for (const answers of [{}, { mfa: true }, { mfa: false }]) {
      expect(visibleQuestionIds(form, answers)).toEqual(visibleQuestionIds(full, answers));
      expect(checkAnswers(form, answers)).toEqual(checkAnswers(full, answers));
    }
    expect(visibleQuestionIds(formOf(T), { mfa: true })).toEqual(['mfa', 'scope', 'notes']);
  });
});

describe('the reopen rule', () => {
  const form = formOf(T);
  it('leaves every answer open until the vendor submits', () => {
    for (const status of ['sent', 'in_progress']) expect(answerWindows(status, form, [{ questionId: 'mfa', reviewStatus: 'accepted' }])('notes')).toBe('open');
  });

  it('after submitting, reopens only what was sent back, and the questions its answer decides', () => {
    const w = answerWindows('submitted', form, [
      { questionId: 'mfa', reviewStatus: 'clarification' },
      { questionId: 'notes', reviewStatus: null },
    ]);
    expect(w('mfa')).toBe('reopened');
    expect(w('notes')).toBe('closed'); // answered and not sent back
    expect(w('scope')).toBe('reopened'); // unanswered, shown by mfa
    expect(w('why')).toBe('reopened'); // its section is shown by mfa
    expect(w('unknown')).toBe('closed');
  });

  it('keeps a changed answer open until the vendor submits again', () => {
    expect(answerWindows('submitted', form, [{ questionId: 'mfa', reviewStatus: 'updated' }])('mfa')).toBe('reopened');
  });

  it('closes everything when nothing was sent back, and after the review', () => {
    expect(answerWindows('submitted', form, [{ questionId: 'mfa', reviewStatus: null }])('scope')).toBe('closed');
    for (const status of ['completed', 'cancelled']) expect(answerWindows(status, form, [{ questionId: 'mfa', reviewStatus: 'clarification' }])('mfa')).toBe('closed');
  });

  it('lets the vendor submit once, and again only after changing what was sent back', () => {
    expect(submitWindow('in_progress', [])).toBe('first');
    expect(submitWindow('submitted', [{ questionId: 'mfa', reviewStatus: 'clarification' }])).toBe('closed');
    expect(submitWindow('submitted', [{ questionId: 'mfa', reviewStatus: 'updated' }])).toBe('again');
    expect(submitWindow('completed', [{ questionId: 'mfa', reviewStatus: 'updated' }])).toBe('closed');
  });
});
