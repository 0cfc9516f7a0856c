import { describe, expect, it } from 'vitest';
import { checkAnswers, effectiveAnswers, isAnswered, isIsoDate, isVisible, validateAnswer, visibleNumbers, visibleQuestionIds } from '../../../src/domain/questionnaire/answers.ts';
import type { Question, Template } from '../../../src/domain/questionnaire/template.ts';

const base = { required: false, weight: 1, topic: 'data_security', severity: 'medium' } as const;
const choices = [
  { id: 'c1', label: 'One', score: 1 },
  { id: 'c2', label: 'Two', score: 0 },
];
const Q: Record<string, Question> = {
  yes_no: { ...base, id: 'yn', type: 'yes_no', text: 'Y?' },
  single_choice: { ...base, id: 'sc', type: 'single_choice', text: 'S?', choices },
  multiple_choice: { ...base, id: 'mc', type: 'multiple_choice', text: 'M?', choices },
  short_text: { ...base, id: 'st', type: 'short_text', text: 'T?' },
  long_text: { ...base, id: 'lt', type: 'long_text', text: 'L?' },
  number: { ...base, id: 'nu', type: 'number', text: 'N?' },
  date: { ...base, id: 'da', type: 'date', text: 'D?' },
  file: { ...base, id: 'fi', type: 'file', text: 'F?' },
};

describe('validateAnswer', () => {
  it.each([
    ['yes_no', true, null],
    ['yes_no', 'yes', 'Expected yes or no (true or false)'],
    ['single_choice', 'c2', null],
    ['single_choice', 'c3', '"c3" is not one of the choices'],
    ['single_choice', ['c1'], 'Expected one choice id'],
    ['multiple_choice', ['c1', 'c2'], null],
    ['multiple_choice', [], null],
    ['multiple_choice', ['c1', 'c1'], 'A choice is selected twice'],
    ['multiple_choice', ['c9'], '"c9" is not one of the choices'],
    ['multiple_choice', 'c1', 'Expected a list of choice ids'],
    ['short_text', 'x'.repeat(500), null],
    ['short_text', 'x'.repeat(501), 'Text is too long (501 characters, at most 500)'],
    ['long_text', 'x'.repeat(20_000), null],
    ['long_text', 'x'.repeat(20_001), 'Text is too long (20001 characters, at most 20000)'],
    ['long_text', 42, 'Expected text'],
    ['number', 0, null],
    ['number', -3.5, null],
    ['number', Number.NaN, 'Expected a finite number'],
    ['number', Number.POSITIVE_INFINITY, 'Expected a finite number'],
    ['number', '12', 'Expected a finite number'],
    ['date', '2024-02-29', null],
    ['date', '2023-02-29', 'Expected a date as YYYY-MM-DD'],
    ['date', '2024-13-01', 'Expected a date as YYYY-MM-DD'],
    ['date', '2024-1-01', 'Expected a date as YYYY-MM-DD'],
    ['file', ['ev-1', 'ev-2'], null],
    ['file', ['ev-1', 'ev-1'], 'A file is listed twice'],
    ['file', [''], 'Evidence ids must be non-empty and at most 200 characters'],
    ['file', [1], 'Expected a list of evidence ids'],
    ['file', null, null],
  ] as const)('%s ← %j', (type, value, expected) => {
    expect(validateAnswer(Q[type], value)).toBe(expected);
  });

  it('knows what counts as an answer', () => {
    expect([null, undefined, '', '   ', []].map(isAnswered)).toEqual([false, false, false, false, false]);
    expect([false, 0, 'x', ['c1']].map(isAnswered)).toEqual([true, true, true, true]);
    expect(['2024-02-29', '1999-12-31', '2023-02-29', '0999-01-01', '2024-04-31'].map(isIsoDate)).toEqual([true, true, false, false, false]);
  });
});

// A vendor questionnaire in miniature: a scoping question opens a section, a choice opens a follow-up.
const T: Template = {
  name: 'Mini',
  sections: [
    {
      id: 'scope',
      title: 'Scope',
      questions: [
        { ...base, id: 'uses_subs', type: 'yes_no', text: 'Subcontractors?', required: true },
        { ...base, id: 'cert', type: 'single_choice', text: 'Certificate?', choices: [{ id: 'iso', label: 'ISO 27001', score: 1 }, { id: 'none', label: 'None', score: 0 }] },
        { ...base, id: 'cert_file', type: 'file', text: 'Upload it', required: true, condition: { op: 'equals', question: 'cert', value: 'iso' } },
      ],
    },
    {
      id: 'subs',
      title: 'Subcontractors',
      condition: { op: 'equals', question: 'uses_subs', value: true },
      questions: [
        { ...base, id: 'subs_list', type: 'long_text', text: 'List them', required: true },
        { ...base, id: 'subs_checked', type: 'multiple_choice', text: 'Checks', choices, condition: { op: 'answered', question: 'subs_list' } },
        { ...base, id: 'subs_detail', type: 'short_text', text: 'Detail', condition: { op: 'includes', question: 'subs_checked', choice: 'c2' } },
      ],
    },
  ],
};

describe('visibility', () => {
  it('follows section and question conditions, top to bottom', () => {
    expect(visibleQuestionIds(T, {})).toEqual(['uses_subs', 'cert']);
    expect(visibleQuestionIds(T, { uses_subs: true, cert: 'iso' })).toEqual(['uses_subs', 'cert', 'cert_file', 'subs_list']);
    expect(visibleQuestionIds(T, { uses_subs: true, subs_list: 'Acme', subs_checked: ['c1', 'c2'] })).toEqual(['uses_subs', 'cert', 'subs_list', 'subs_checked', 'subs_detail']);
    expect(isVisible(T, {}, 'no_such_question')).toBe(false);
  });

  it('answers to hidden or invalidly answered questions never open anything', () => {
    // uses_subs is false, so subs_list is hidden and its answer cannot open subs_checked.
    expect(isVisible(T, { uses_subs: false, subs_list: 'Acme', subs_checked: ['c2'] }, 'subs_detail')).toBe(false);
    // A wrong-typed answer does not count either.
    expect(isVisible(T, { cert: 'ISO' }, 'cert_file')).toBe(false);
    expect([...effectiveAnswers(T, { uses_subs: false, subs_list: 'Acme', cert: 'ISO' })]).toEqual([['uses_subs', false]]);
  });
});

describe('visibleNumbers', () => {
  it('numbers only what is shown: no gaps where questions are hidden, empty sections skipped', () => {
    const numbers = (answers: Record<string, unknown>) => Object.fromEntries([...visibleNumbers(T, new Set(visibleQuestionIds(T, answers as never)))].map(([id, n]) => [id, n.number]));
    expect(numbers({})).toEqual({ uses_subs: '1.1', cert: '1.2' });
    expect(numbers({ uses_subs: true, cert: 'iso' })).toEqual({ uses_subs: '1.1', cert: '1.2', cert_file: '1.3', subs_list: '2.1' });
    // A template-order number would give subs_detail 2.3 here; it is the second question shown.
    const noChecks = { ...T, sections: [T.sections[0], { ...T.sections[1], condition: undefined, questions: [T.sections[1].questions[0], { ...T.sections[1].questions[1], condition: { op: 'equals', question: 'cert', value: 'none' } }, { ...T.sections[1].questions[2], condition: undefined }] }] } as Template;
    expect(Object.fromEntries([...visibleNumbers(noChecks, new Set(visibleQuestionIds(noChecks, { cert: 'iso' })))].map(([id, n]) => [id, n.number]))).toEqual({ uses_subs: '1.1', cert: '1.2', cert_file: '1.3', subs_list: '2.1', subs_detail: '2.2' });
  });
});

describe('checkAnswers', () => {
  it('refuses answers to questions hidden by their condition', () => {
    const r = checkAnswers(T, { uses_subs: false, subs_list: 'Acme Ltd', cert: 'none', cert_file: ['ev-1'] });
    expect(r.hidden).toEqual(['cert_file', 'subs_list']);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(false);
  });

  it('refuses wrong types and unknown questions, including prototype names', () => {
    const answers = JSON.parse('{"uses_subs": "yes", "cert": "gold", "__proto__": true, "constructor": 1}');
    expect(checkAnswers(T, answers).issues).toEqual([
      { questionId: '__proto__', message: 'No such question in this questionnaire' },
      { questionId: 'constructor', message: 'No such question in this questionnaire' },
      { questionId: 'uses_subs', message: 'Expected yes or no (true or false)' },
      { questionId: 'cert', message: '"gold" is not one of the choices' },
    ]);
  });

  it('lists visible required questions without an answer; blank text and empty lists are not answers', () => {
    expect(checkAnswers(T, {}).missingRequired).toEqual(['uses_subs']);
    const r = checkAnswers(T, { uses_subs: true, cert: 'iso', cert_file: [], subs_list: '  ' });
    expect(r.missingRequired).toEqual(['cert_file', 'subs_list']);
    expect(r.hidden).toEqual([]);
  });

  it('is ok for a complete, consistent set of answers', () => {
    const r = checkAnswers(T, { uses_subs: true, cert: 'iso', cert_file: ['ev-1'], subs_list: 'Acme', subs_checked: ['c1'], subs_detail: null });
    expect(r).toEqual({ issues: [], hidden: [], missingRequired: [], ok: true });
  });
});
