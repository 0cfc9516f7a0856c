import { describe, expect, it } from 'vitest';
import { badAnswers } from '../../../src/domain/questionnaire/score.ts';
import { listQuestions, questionCount, validateTemplate } from '../../../src/domain/questionnaire/template.ts';
import { VsaqImportError, importVsaq } from '../../../src/domain/questionnaire/vsaq.ts';
import { REAL_QUESTIONNAIRES, allItems, questionIds, rawCounts, rawTree, readVsaq } from './vsaq-raw.ts';

const SHAPE = { radiogroup: 'single_choice', checkgroup: 'multiple_choice', check: 'yes_no', yesno: 'yes_no', line: 'short_text', box: 'long_text', upload: 'file' } as const;

describe.each(REAL_QUESTIONNAIRES)('VSAQ import of %s.json', (name) => {
  const text = readVsaq(name);
  const tree = rawTree(text);
  const { template, report } = importVsaq(text);
  const questions = listQuestions(template).map((x) => x.question);
  const byId = new Map(questions.map((q) => [q.id, q]));

  it('imports every question id (answerable items and their choices) with the right shape', () => {
    const ids = questionIds(tree);
    expect(ids.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const { id, expect: kind, type } of ids) {
      if (kind === 'question') {
        if (byId.get(id)?.type !== SHAPE[type as keyof typeof SHAPE]) missing.push(`${type} ${id}`);
      } else {
        const want = kind === 'radio choice' ? 'single_choice' : 'multiple_choice';
        if (!questions.some((q) => q.type === want && q.choices?.some((c) => c.id === id))) missing.push(`${kind} ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('yields a valid template whose counts match the report and the raw file', () => {
    expect('template' in validateTemplate(template)).toBe(true);
    const raw = rawCounts(tree);
    expect(report.questions).toBe(questionCount(template));
    expect(report.questions).toBe(raw.questionItems + raw.tipsWithWhy.length);
    expect(report.justifications).toBe(raw.tipsWithWhy.length);
    expect(report.conditions).toBe(template.sections.filter((s) => s.condition).length + questions.filter((q) => q.condition).length);
    expect(report.scored).toBe(questions.filter((q) => q.weight > 0).length);
    for (const s of report.skipped) {
      expect(typeof s.reason).toBe('string');
      expect(s.reason.trim().length).toBeGreaterThan(0);
    }
  });

  it('keeps every condition: conditional questions and tips carry one, conditional blocks make conditional sections', () => {
    const items = allItems(tree.questionnaire);
    for (const it of items.filter((i) => i.cond && i.id && (i.type! in SHAPE || (i.type === 'tip' && i.why)))) {
      expect(byId.get(it.id!)?.condition, it.id).toBeDefined();
    }
    for (const block of items.filter((i) => i.type === 'block' && i.cond && i.id)) {
      const section = template.sections.find((s) => s.id === block.id);
      if (section) expect(section.condition, block.id).toBeDefined();
    }
  });

  it('turns warning tips into severities: answer boxes keep the tip severity, singled-out answers score 0', () => {
    for (const tip of allItems(tree.questionnaire).filter((i) => i.type === 'tip' && i.warn === 'yes' && i.why)) {
      expect(byId.get(tip.id!)?.severity, tip.id).toBe(typeof tip.severity === 'string' ? tip.severity : 'medium');
    }
    // Every choice marked bad is named by a warning tip's condition.
    const tipConds = allItems(tree.questionnaire)
      .filter((i) => i.type === 'tip' && i.warn === 'yes')
      .map((i) => i.cond ?? '');
    for (const q of questions) {
      for (const c of q.choices ?? []) if (c.score === 0) expect(tipConds.some((cond) => cond.split(/[^\w/^]+/).includes(c.id)), c.id).toBe(true);
    }
  });
});

describe('recorded import numbers (update deliberately when the importer changes)', () => {
  it.each([
    ['infrastructure', { questions: 168, justifications: 72, conditions: 110, scored: 62, skipped: 4 }],
    ['webapp', { questions: 110, justifications: 37, conditions: 83, scored: 34, skipped: 15 }],
    ['security_privacy_programs', { questions: 80, justifications: 34, conditions: 56, scored: 21, skipped: 2 }],
  ])('%s', (name, expected) => {
    const { report } = importVsaq(readVsaq(name));
    expect({ ...report, skipped: report.skipped.length }).toEqual(expected);
  });
});

describe('VSAQ test templates', () => {
  it('test_template.json: check boxes, an id-less checkgroup and a critical tip on "data_warning/yes"', () => {
    const { template, report } = importVsaq(readVsaq('test_template'));
    expect(template.name).toBe('My questionnaire');
    const qs = listQuestions(template).map((x) => x.question);
    expect(qs.map((q) => [q.id, q.type])).toEqual([
      ['standard', 'multiple_choice'],
      ['data_warning', 'yes_no'],
      ['declaration', 'yes_no'],
    ]);
    // The checkgroup has no text of its own: the info item before it becomes its text.
    expect(qs[0].text).toBe('What security standards do you apply?');
    expect(qs[0].choices?.map((c) => c.id)).toEqual(['standard_1', 'standard_2']);
    expect(qs[1]).toMatchObject({ yesScore: 0, noScore: 1, weight: 1, severity: 'critical' });
    expect(badAnswers(template, { data_warning: true })).toMatchObject([{ questionId: 'data_warning', severity: 'critical' }]);
    expect(badAnswers(template, { data_warning: false })).toEqual([]);
    expect(report).toMatchObject({ questions: 3, conditions: 0, skipped: [] });
  });

  it('test_template_extension.json: imported on its own, with the lost insertion point reported', () => {
    const { template, report } = importVsaq(readVsaq('test_template_extension'), { name: 'Company add-on' });
    expect(template.name).toBe('Company add-on');
    expect(listQuestions(template).map((x) => [x.question.id, x.question.type])).toEqual([['company_specific', 'short_text']]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0].reason).toMatch(/inserted after "network"/);
  });
});

describe('VSAQ import of bad or unusual input', () => {
  const wrap = (items: unknown[]) => JSON.stringify({ questionnaire: [{ type: 'block', text: 'Root', items: [{ type: 'block', id: 'b', text: 'B', items }] }] });

  it('refuses what is not a VSAQ questionnaire with VsaqImportError', () => {
    expect(() => importVsaq('not json')).toThrow(VsaqImportError);
    expect(() => importVsaq('{"questionnaire": "x"}')).toThrow(VsaqImportError);
    expect(() => importVsaq('{"questionnaire": []}')).toThrow(/No questions/);
    expect(() => importVsaq('[1, 2]')).toThrow(VsaqImportError);
  });

  it('reports unknown types, bad conditions and later references instead of crashing', () => {
    const { template, report } = importVsaq(
      wrap([
        { type: 'radiogroup', id: 'q1', text: 'One?', choices: [{ q1_yes: 'Yes' }, { q1_no: 'No' }] },
        { type: 'slider', id: 'weird', text: 'Slide' },
        { type: 'line', id: 'q2', text: 'Two', cond: 'q1_yes && matches(q1, "x")' },
        { type: 'line', id: 'q3', text: 'Three', cond: 'q4_yes' },
        { type: 'radiogroup', id: 'q4', text: 'Four?', choices: [{ q4_yes: 'Yes' }, { 'bad id!': 'No' }] },
        { type: 'line', id: 'q1', text: 'Duplicate' },
        { type: 'tip', id: 't1', cond: 'q1_no', text: 'Just saying' },
        'not an object',
      ]),
    );
    const reasons = report.skipped.map((s) => `${s.id ?? '-'}: ${s.reason}`);
    expect(reasons).toEqual([
      'weird: unknown item type "slider"',
      expect.stringMatching(/^q2: condition .* not understood: .*not supported.*; imported without its condition/),
      'q3: condition "q4_yes": "q4_yes" comes later or was not imported; imported without its condition (always shown)',
      'bad id!: choice id is not usable (letters, digits, _ . : - only)',
      'q1: duplicate id "q1"',
      't1: informational tip (no warning, no answer box): its text is not imported',
      '-: item is not an object',
    ]);
    expect(listQuestions(template).map((x) => x.question.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('folds string concatenation, keeps trailing-comma files readable and turns HTML into plain text', () => {
    const text = `// header\n{"questionnaire": [{"type": "block", "text": "R", "items": [\n  {"type": "box", "id": "x", "text": "<p>Use <b>strong</b> &amp; safe</p>" +\n   "<ul><li>one</li><li>two</li></ul>",},\n]}]}`;
    const q = listQuestions(importVsaq(text).template)[0].question;
    expect(q.text).toBe('Use strong & safe\n\n- one\n- two');
  });
});
