import { describe, expect, it } from 'vitest';
import { isVisible } from '../../../src/domain/questionnaire/answers.ts';
import { BUILT_IN_TEMPLATE } from '../../../src/domain/questionnaire/builtin-template.ts';
import { formatCondition } from '../../../src/domain/questionnaire/condition.ts';
import {
  type Question,
  type Template,
  QUESTION_TYPES,
  TOPICS,
  TOPIC_LABELS,
  exportTemplate,
  importTemplate,
  listQuestions,
  parseTemplateJson,
  questionCount,
  validateTemplate,
} from '../../../src/domain/questionnaire/template.ts';
import { importVsaq } from '../../../src/domain/questionnaire/vsaq.ts';
import { readVsaq } from './vsaq-raw.ts';

const q = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: 'yes_no', text: `Question ${id}?`, required: true, weight: 1, topic: 'data_security', severity: 'medium', ...extra });
const tpl = (...sections: Array<[string, Question[]]>): Template => ({ name: 'T', sections: sections.map(([id, questions]) => ({ id, title: id, questions })) });
const issuesOf = (value: unknown) => {
  const r = validateTemplate(value);
  return 'issues' in r ? r.issues : [];
};

describe('template validation: issues name the path', () => {
  it('accepts a small valid template', () => {
    expect(issuesOf(tpl(['s1', [q('a'), q('b', { condition: { op: 'equals', question: 'a', value: true } })]]))).toEqual([]);
  });

  it('duplicate question ids (across sections) and duplicate section ids', () => {
    expect(issuesOf(tpl(['s1', [q('a')]], ['s1', [q('b'), q('a')]]))).toEqual([
      { path: 'sections.1.id', message: 'Duplicate section id "s1" (first used by sections.0)' },
      { path: 'sections.1.questions.1.id', message: 'Duplicate question id "a" (first used at sections.0.questions.0)' },
    ]);
  });

  it('a condition that reads a later question, the question itself or an unknown one', () => {
    const t = tpl(
      ['s1', [q('a', { condition: { op: 'equals', question: 'c', value: true } }), q('b', { condition: { op: 'not', arg: { op: 'answered', question: 'b' } } })]],
      ['s2', [q('c'), q('d', { condition: { op: 'and', args: [{ op: 'answered', question: 'a' }, { op: 'answered', question: 'zz' }] } })]],
    );
    expect(issuesOf(t)).toEqual([
      { path: 'sections.0.questions.0.condition', message: 'Condition refers to question "c", which does not come earlier in the template' },
      { path: 'sections.0.questions.1.condition.arg', message: 'Condition refers to question "b", which does not come earlier in the template' },
      { path: 'sections.1.questions.1.condition.args.1', message: 'Condition refers to unknown question "zz"' },
    ]);
  });

  it('a section condition may only read questions of earlier sections', () => {
    const t: Template = { name: 'T', sections: [{ id: 's1', title: 'S', condition: { op: 'answered', question: 'a' }, questions: [q('a')] }] };
    expect(issuesOf(t)).toEqual([{ path: 'sections.0.condition', message: 'Condition refers to question "a", which does not come earlier in the template' }]);
  });

  it('choices: missing on choice types, present on others, duplicated, unknown in a condition', () => {
    const pick = q('pick', { type: 'single_choice', choices: [{ id: 'x', label: 'X', score: 1 }, { id: 'x', label: 'X again', score: 0 }] });
    const t = tpl([
      's1',
      [
        q('many', { type: 'multiple_choice' }),
        q('text', { type: 'short_text', choices: [{ id: 'x', label: 'X', score: 1 }] }),
        pick,
        q('c1', { condition: { op: 'equals', question: 'pick', value: 'y' } }),
        q('c2', { condition: { op: 'includes', question: 'pick', choice: 'x' } }),
        q('c3', { condition: { op: 'equals', question: 'c1', value: 'yes' } }),
      ],
    ]);
    expect(issuesOf(t)).toEqual([
      { path: 'sections.0.questions.0.choices', message: 'A multiple_choice question needs choices' },
      { path: 'sections.0.questions.1.choices', message: 'Only choice questions have choices; this one is short_text' },
      { path: 'sections.0.questions.2.choices.1.id', message: 'Duplicate choice id "x"' },
      { path: 'sections.0.questions.3.condition', message: 'Question "pick" has no choice "y"' },
      { path: 'sections.0.questions.4.condition', message: '"includes" needs a multiple-choice question; "pick" is single_choice' },
      { path: 'sections.0.questions.5.condition', message: '"c1" is yes/no: compare with true or false' },
    ]);
  });

  it('field errors come from the schema with their path', () => {
    const bad = { name: 'T', sections: [{ id: 's', title: 'S', questions: [{ ...q('a'), weight: -1, topic: 'marketing', extra: 1 }] }] };
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['sections.0.questions.0.weight', 'sections.0.questions.0.topic', 'sections.0.questions.0']);
    expect(issuesOf({ name: 'T', sections: [] })).toEqual([{ path: 'sections', message: expect.stringMatching(/>=1/) }]);
  });

  it('refuses absurdly nested input before it reaches the schema', () => {
    let cond: unknown = { op: 'answered', question: 'a' };
    for (let i = 0; i < 200; i++) cond = { op: 'not', arg: cond };
    expect(issuesOf(tpl(['s', [q('a'), q('b', { condition: cond as Question['condition'] })]]))).toEqual([{ path: '', message: 'Nested too deeply (more than 100 levels)' }]);
  });
});

describe('export and import as JSON', () => {
  it('round-trips the built-in template and an imported VSAQ template unchanged', () => {
    for (const t of [BUILT_IN_TEMPLATE, importVsaq(readVsaq('webapp')).template]) {
      const text = exportTemplate(t);
      expect(JSON.parse(text)).toMatchObject({ format: 'outsight-questionnaire', version: 1 });
      const back = importTemplate(text);
      expect(back).toEqual({ template: t });
      expect(exportTemplate((back as { template: Template }).template)).toBe(text);
    }
  });

  it('importTemplate needs the wrapper; parseTemplateJson also takes a bare template', () => {
    const bare = JSON.stringify(tpl(['s', [q('a')]]));
    expect(importTemplate(bare)).toEqual({ issues: [{ path: 'format', message: 'Expected "format": "outsight-questionnaire"' }] });
    expect(importTemplate('{"format": "outsight-questionnaire", "version": 2}')).toEqual({ issues: [{ path: 'version', message: 'Unsupported version 2; this Outsight reads version 1' }] });
    expect(parseTemplateJson(bare)).toEqual({ template: tpl(['s', [q('a')]]) });
    expect(parseTemplateJson(exportTemplate(tpl(['s', [q('a')]])))).toEqual({ template: tpl(['s', [q('a')]]) });
    expect(parseTemplateJson('{oops')).toEqual({ issues: [{ path: '', message: expect.stringMatching(/^Not valid JSON/) }] });
  });
});

describe('the built-in template', () => {
  const questions = listQuestions(BUILT_IN_TEMPLATE).map((x) => x.question);

  it('passes the schema and has 55–70 questions covering every topic', () => {
    expect(issuesOf(BUILT_IN_TEMPLATE)).toEqual([]);
    expect(questionCount(BUILT_IN_TEMPLATE)).toBeGreaterThanOrEqual(55);
    expect(questionCount(BUILT_IN_TEMPLATE)).toBeLessThanOrEqual(70);
    for (const topic of TOPICS) expect(questions.filter((x) => x.topic === topic && x.weight > 0).length, TOPIC_LABELS[topic]).toBeGreaterThan(0);
  });

  it('uses every question type and has conditions, weights and severities', () => {
    expect(new Set(questions.map((x) => x.type))).toEqual(new Set(QUESTION_TYPES));
    expect(questions.filter((x) => x.condition).length).toBeGreaterThanOrEqual(10);
    expect(new Set(questions.map((x) => x.severity))).toEqual(new Set(['info', 'low', 'medium', 'high', 'critical']));
    // Questions that can be answered badly name the finding a bad answer suggests.
    const judged = questions.filter((x) => x.weight > 0 && ['yes_no', 'single_choice', 'multiple_choice'].includes(x.type));
    for (const x of judged) expect(x.finding, x.id).toBeTruthy();
  });

  it('asks follow-ups only when they apply', () => {
    expect(formatCondition(questions.find((x) => x.id === 'soc2_period_end')!.condition!)).toBe('soc2 = soc2_type2 OR soc2 = soc2_type1');
    expect(isVisible(BUILT_IN_TEMPLATE, { soc2: 'soc2_none' }, 'soc2_period_end')).toBe(false);
    expect(isVisible(BUILT_IN_TEMPLATE, { soc2: 'soc2_type2' }, 'soc2_period_end')).toBe(true);
    expect(isVisible(BUILT_IN_TEMPLATE, {}, 'subcontractor_list')).toBe(false);
    expect(isVisible(BUILT_IN_TEMPLATE, { uses_subcontractors: true }, 'subcontractor_list')).toBe(true);
    expect(isVisible(BUILT_IN_TEMPLATE, { iso27001: true }, 'iso27001_certificate')).toBe(true);
  });
});
