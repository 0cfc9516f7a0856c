import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, type Answers, visibleQuestionIds } from '../../../src/domain/questionnaire/answers.ts';
import { BUILT_IN_TEMPLATE } from '../../../src/domain/questionnaire/builtin-template.ts';
import { answerScore, badAnswers, round1, scoreAnswers } from '../../../src/domain/questionnaire/score.ts';
import { type Question, type Template, listQuestions } from '../../../src/domain/questionnaire/template.ts';
import { importVsaq } from '../../../src/domain/questionnaire/vsaq.ts';
import { readVsaq } from './vsaq-raw.ts';

const T: Template = {
  name: 'Worked example',
  sections: [
    {
      id: 'access',
      title: 'Access',
      questions: [
        { id: 'mfa', type: 'yes_no', text: 'MFA?', required: true, weight: 3, topic: 'access_control', severity: 'critical' },
        {
          id: 'reviews',
          type: 'single_choice',
          text: 'Access reviews?',
          required: false,
          weight: 2,
          topic: 'access_control',
          severity: 'medium',
          choices: [
            { id: 'quarterly', label: 'Quarterly', score: 1 },
            { id: 'yearly', label: 'Yearly', score: 0.5 },
            { id: 'never', label: 'Never', score: 0 },
          ],
        },
        {
          id: 'factors',
          type: 'multiple_choice',
          text: 'Second factors?',
          required: false,
          weight: 2,
          topic: 'access_control',
          severity: 'medium',
          finding: 'SMS codes allowed',
          choices: [
            { id: 'app', label: 'Authenticator app', score: 1 },
            { id: 'sms', label: 'SMS', score: 0.25 },
          ],
        },
        { id: 'notes', type: 'long_text', text: 'Notes', required: false, weight: 0, topic: 'access_control', severity: 'info' },
      ],
    },
    {
      id: 'exit',
      title: 'Exit',
      questions: [
        { id: 'data_return', type: 'yes_no', text: 'Return data?', required: true, weight: 3, topic: 'exit', severity: 'critical' },
        { id: 'deletion', type: 'yes_no', text: 'Delete copies?', required: true, weight: 2, topic: 'exit', severity: 'high', condition: { op: 'equals', question: 'data_return', value: true } },
        { id: 'escrow', type: 'yes_no', text: 'Escrow?', required: false, weight: 1, topic: 'exit', severity: 'low' },
      ],
    },
  ],
};

describe('scoreAnswers — worked example', () => {
  const answers = { mfa: true, reviews: 'yearly', factors: ['app', 'sms'], notes: 'fine', data_return: true };

  it('an answer with a finding counts 0 of its weight, named in the computation; a finding on no answer changes nothing', () => {
    const plain = scoreAnswers(T, answers);
    const r = scoreAnswers(T, answers, { findings: { onAnswers: new Map([['mfa', 'high']]), withoutAnswer: 2 } });
    const access = r.topics.find((t) => t.topic === 'access_control')!;
    // mfa's 3 points go: 1 + 0.5 = 1.5 of 7.
    expect(access).toMatchObject({ earned: 1.5, possible: 7, score: 21.4 });
    expect(access.questions.find((q) => q.id === 'mfa')).toMatchObject({ status: 'finding', answerScore: 1, contribution: 0 });
    expect(r.overall).toBeLessThan(plain.overall!);
    expect(r.computation).toContain('Answers with a finding count as 0: mfa (high)');
    expect(r.computation).toContain('2 findings not tied to an answer do not change the score');
    expect(scoreAnswers(T, answers, { findings: { onAnswers: new Map(), withoutAnswer: 1 } }).overall).toBe(plain.overall);
  });

  it('adds weight × answer score per topic; unanswered required counts 0, unanswered optional not at all', () => {
    const r = scoreAnswers(T, answers);
    const access = r.topics.find((t) => t.topic === 'access_control')!;
    // mfa 3 × 1 + reviews 2 × 0.5 + factors 2 × min(1, 0.25) = 3 + 1 + 0.5 = 4.5 of 7
    expect(access).toMatchObject({ earned: 4.5, possible: 7, score: 64.3 });
    expect(access.questions.map((q) => [q.id, q.answerScore, q.contribution])).toEqual([
      ['mfa', 1, 3],
      ['reviews', 0.5, 1],
      ['factors', 0.25, 0.5],
    ]);
    // data_return 3 × 1, deletion required and unanswered: 0 of 2; escrow optional and unanswered: left out.
    const exit = r.topics.find((t) => t.topic === 'exit')!;
    expect(exit).toMatchObject({ earned: 3, possible: 5, score: 60 });
    expect(exit.questions.find((q) => q.id === 'deletion')).toEqual({ id: 'deletion', weight: 2, answerScore: null, contribution: 0, status: 'unanswered_required' });
    expect(r.overall).toBe(62.5);
    expect(r.topics.find((t) => t.topic === 'encryption')).toMatchObject({ score: null, earned: 0, possible: 0, questions: [] });
    expect(r.computation).toEqual([
      'Access control: 4.5 of 7 points = 64.3',
      'Exit: 3 of 5 points = 60',
      'Not scored (no visible scored question): Data security, Encryption, Incident response, Business continuity, Compliance, People, Subcontractors, Physical security, Source code and IP',
      'Unanswered required questions count as 0: deletion',
      'Overall: 7.5 of 12 points = 62.5',
    ]);
  });

  it('a hidden question neither earns nor costs points', () => {
    // "No" to data_return hides deletion: exit is 0 of 3.
    const r = scoreAnswers(T, { ...answers, data_return: false, deletion: true });
    expect(r.topics.find((t) => t.topic === 'exit')).toMatchObject({ earned: 0, possible: 3, score: 0 });
    expect(r.overall).toBe(45);
  });

  it('topic weights replace pooled points with a weighted mean of topic scores', () => {
    const r = scoreAnswers(T, answers, { topicWeights: { access_control: 2, exit: 1 } });
    // (2 × 64.2857… + 1 × 60) / 3 = 62.857… → 62.9
    expect(r.overall).toBe(62.9);
    expect(r.computation.at(-1)).toBe('Overall: (2 × 64.3 + 1 × 60) / 3 = 62.9');
  });

  it('nothing answered: required questions count 0, the rest is not scored', () => {
    const r = scoreAnswers(T, {});
    expect(r.overall).toBe(0);
    expect(r.topics.find((t) => t.topic === 'access_control')).toMatchObject({ earned: 0, possible: 3 });
    const empty = scoreAnswers({ ...T, sections: [{ ...T.sections[0], questions: [T.sections[0].questions[1]] }] }, {});
    expect(empty.overall).toBeNull();
    expect(empty.computation.at(-1)).toBe('Overall: nothing to score yet');
  });

  it('rounds half up at one decimal', () => {
    expect([round1(83.25), round1(64.28571), round1(0.05), round1(100)]).toEqual([83.3, 64.3, 0.1, 100]);
  });
});

describe('answerScore', () => {
  const q = (extra: Partial<Question>): Question => ({ id: 'q', type: 'yes_no', text: 'Q', required: false, weight: 1, topic: 'exit', severity: 'high', ...extra });
  it.each([
    [q({}), true, 1],
    [q({}), false, 0],
    [q({ yesScore: 0, noScore: 1 }), true, 0],
    [q({ type: 'multiple_choice', choices: T.sections[0].questions[2].choices }), ['app', 'sms'], 0.25],
    [q({ type: 'multiple_choice', scoreBy: 'strongest', choices: T.sections[0].questions[2].choices }), ['app', 'sms'], 1],
    [q({ type: 'file' }), ['ev-1'], 1],
    [q({ type: 'number' }), 0, 1],
    [q({ type: 'short_text' }), '  ', null],
  ] as Array<[Question, AnswerValue, number | null]>)('%#', (question, value, expected) => {
    expect(answerScore(question, value)).toBe(expected);
  });
});

describe('badAnswers', () => {
  it('suggests findings for answers below 0.5 on scored questions of severity ≥ medium', () => {
    expect(badAnswers(T, { mfa: false, reviews: 'yearly', factors: ['app', 'sms'], data_return: true, escrow: false })).toEqual([
      { questionId: 'mfa', severity: 'critical', title: 'MFA?', reason: 'Answered "No"', answerScore: 0 },
      { questionId: 'factors', severity: 'medium', title: 'SMS codes allowed', reason: 'Selected "SMS"', answerScore: 0.25 },
    ]);
    // escrow is "low": only reported when asked for.
    expect(badAnswers(T, { escrow: false }, { minSeverity: 'low' }).map((b) => b.questionId)).toEqual(['escrow']);
  });

  it('on the built-in template, a scoping "no" is not a finding but a missing DPA is', () => {
    const found = badAnswers(BUILT_IN_TEMPLATE, { personal_data: true, dpa: false, uses_subcontractors: false });
    expect(found).toEqual([{ questionId: 'dpa', severity: 'critical', title: 'No data processing agreement', reason: 'Answered "No"', answerScore: 0 }]);
  });
});

describe('scoring properties', () => {
  /** A random answer for any question: often valid, sometimes of the wrong type or blank. */
  const answerFor = (q: Question): fc.Arbitrary<AnswerValue> => {
    const ids = (q.choices ?? []).map((c) => c.id);
    const valid: Record<Question['type'], fc.Arbitrary<AnswerValue>> = {
      yes_no: fc.boolean(),
      single_choice: fc.constantFrom(...(ids.length ? ids : ['x'])),
      multiple_choice: fc.subarray(ids),
      short_text: fc.string({ maxLength: 10 }),
      long_text: fc.string({ maxLength: 10 }),
      number: fc.integer(),
      date: fc.constantFrom('2024-01-31', '2024-02-30'),
      file: fc.array(fc.constantFrom('ev-1', 'ev-2'), { maxLength: 2 }),
    };
    return fc.oneof({ weight: 6, arbitrary: valid[q.type] }, { weight: 1, arbitrary: fc.constantFrom<AnswerValue>(null, 'junk', 7, true) });
  };
  const answersFor = (t: Template): fc.Arbitrary<Answers> =>
    fc.record(Object.fromEntries(listQuestions(t).map(({ question }) => [question.id, answerFor(question)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;

  const templates: Array<[string, Template]> = [
    ['built-in', BUILT_IN_TEMPLATE],
    ['VSAQ infrastructure', importVsaq(readVsaq('infrastructure')).template],
  ];

  it.each(templates)('%s: scores stay in [0, 100] and hidden questions never contribute', (_name, t) => {
    fc.assert(
      fc.property(answersFor(t), (answers) => {
        const r = scoreAnswers(t, answers);
        const visible = new Set(visibleQuestionIds(t, answers));
        for (const s of [r.overall, ...r.topics.map((x) => x.score)]) {
          if (s !== null) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(100);
          }
        }
        for (const topic of r.topics) for (const q of topic.questions) expect(visible.has(q.id), q.id).toBe(true);
        // Dropping every answer to a hidden question changes nothing.
        const onlyVisible = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
        expect(scoreAnswers(t, onlyVisible)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });
});
