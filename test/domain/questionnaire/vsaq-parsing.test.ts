import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../src/domain/questionnaire/template.ts';
import { VsaqImportError, importVsaq } from '../../../src/domain/questionnaire/vsaq.ts';
import { parseVsaqCondition } from '../../../src/domain/questionnaire/vsaq-cond.ts';
import { JsLikeJsonError, parseJsLikeJson, toStrictJson } from '../../../src/domain/questionnaire/vsaq-json.ts';
import { htmlToText, inferTopic } from '../../../src/domain/questionnaire/vsaq-text.ts';
import { REAL_QUESTIONNAIRES, rawTree, readVsaq } from './vsaq-raw.ts';

describe('parseJsLikeJson', () => {
  it('reads comments, "a" + "b" concatenation (across lines and comments) and trailing commas', () => {
    const text = '// licence\n{ /* c */ "a": "x" +\n  // between\n  "y" + "z", "b": [1, 2,], "c": "// not a comment", }\n';
    expect(parseJsLikeJson(text)).toEqual({ a: 'xyz', b: [1, 2], c: '// not a comment' });
    // Same length, same line breaks: error positions stay true to the original text.
    expect(toStrictJson(text)).toHaveLength(text.length);
    expect(toStrictJson(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it('keeps escaped quotes inside strings and never evaluates anything', () => {
    expect(parseJsLikeJson('{"a": "say \\"hi\\"" + "!"}')).toEqual({ a: 'say "hi"!' });
    expect(() => parseJsLikeJson('{"a": "x" + alert(1)}')).toThrow('"+" must be followed by a string (line 1, column 11)');
  });

  it('reports where the text is broken', () => {
    expect(() => parseJsLikeJson('{\n  "a": "open\n}')).toThrow(JsLikeJsonError);
    expect(() => parseJsLikeJson('{\n  "a": "open\n}')).toThrow('Unterminated string (line 2, column 8)');
    expect(() => parseJsLikeJson('[1] /* never closed')).toThrow('Unterminated comment');
    expect(() => parseJsLikeJson('{"a": 1 "b": 2}')).toThrow(/^Not valid JSON/);
  });

  it('reads the shipped files exactly like the test-side parser', () => {
    for (const name of [...REAL_QUESTIONNAIRES, 'test_template', 'test_template_extension']) {
      const text = readVsaq(name);
      expect(parseJsLikeJson(text), name).toEqual(rawTree(text));
    }
  });
});

describe('parseVsaqCondition', () => {
  const ok = (src: string) => {
    const r = parseVsaqCondition(src);
    if ('error' in r) throw new Error(r.error);
    return r.cond;
  };
  const ref = (name: string) => ({ kind: 'ref', name });

  it('parses ids, !, &&, ||, parentheses, ^ and /yes', () => {
    expect(ok('a')).toEqual(ref('a'));
    expect(ok(' !a && (b || c) && !^t && d/yes ')).toEqual({
      kind: 'and',
      args: [{ kind: 'not', arg: ref('a') }, { kind: 'or', args: [ref('b'), ref('c')] }, { kind: 'not', arg: ref('^t') }, ref('d/yes')],
    });
    expect(ok('!(a || b)')).toEqual({ kind: 'not', arg: { kind: 'or', args: [ref('a'), ref('b')] } });
    expect(ok('   ')).toBeNull();
  });

  it('applies && and || left to right with equal precedence, as VSAQ does', () => {
    expect(ok('a || b && c')).toEqual({ kind: 'and', args: [{ kind: 'or', args: [ref('a'), ref('b')] }, ref('c')] });
    expect(ok('a && b || c')).toEqual({ kind: 'or', args: [{ kind: 'and', args: [ref('a'), ref('b')] }, ref('c')] });
  });

  it.each([
    ['a &', /must be doubled/],
    ['a && ', /ends too early/],
    ['(a || b', /missing "\)"/],
    ['a b', /unexpected "b"/],
    ['matches(a, "x")', /not supported/],
    ['contains(a)', /function calls are not supported/],
    ['a )', /unexpected "\)"/],
    ['('.repeat(40) + 'a' + ')'.repeat(40), /nested too deeply/],
  ])('refuses %j', (src, message) => {
    const r = parseVsaqCondition(src);
    expect('error' in r && r.error).toMatch(message);
  });
});

describe('VSAQ text helpers', () => {
  it('turns HTML into plain text: paragraphs, lists, links and entities', () => {
    expect(htmlToText('<p>A&nbsp;DMZ &mdash; see <a href="http://en.wikipedia.org/wiki/DMZ">DMZ</a></p><ul><li>one</li><li>two &#x263A;</li></ul>')).toBe(
      'A DMZ — see DMZ (http://en.wikipedia.org/wiki/DMZ)\n\n- one\n- two ☺',
    );
    expect(htmlToText('<script>alert(1)</script><b onclick="x">bold</b>')).toBe('alert(1)bold');
    expect(htmlToText('&#0; &#xD800; &bogus;')).toBe('&#0; &#xD800; &bogus;');
  });

  it.each([
    [['Firewalls', 'Network'], 'data_security'],
    [['VPN/Remote Network Access', 'Network'], 'access_control'],
    [['Backups', 'Servers'], 'business_continuity'],
    [['Configuring SSL/TLS', 'HTTPS and Mixed-Content Risks'], 'encryption'],
    [['Security and Privacy Incident Response'], 'incident_response'],
    [['Partner Security Program'], 'subcontractors'],
    [['Background Checks', 'Personnel Security'], 'people'],
    [['Third-Party Audits'], 'compliance'],
    [['Account Recovery', 'Username/Password Authentication'], 'access_control'],
    [['Unit Testing', 'Testing, QA, and Monitoring'], 'source_code_ip'],
    [['Security Controls', 'Security and Privacy'], 'compliance'],
  ] as const)('infers the topic of %j as %s', (titles, topic) => {
    expect(inferTopic(titles)).toBe(topic);
  });
});

describe('importVsaq on hostile input', () => {
  it('stops at deep nesting, item floods and "^" chains with a clear error or a skipped entry', () => {
    const n = 5000;
    const deep = '{"questionnaire": [' + '{"type":"block","text":"b","items":['.repeat(n) + '{"type":"line","id":"x","text":"x"}' + ']}'.repeat(n) + ']}';
    expect(() => importVsaq(deep)).toThrow(VsaqImportError);
    expect(() => importVsaq(JSON.stringify({ questionnaire: new Array(20_000).fill({ type: 'spacer' }) }))).toThrow('Too many items');
    // Each tip shows when the previous one shows (twice): inlining "^" would double the condition every step.
    const items: unknown[] = [{ type: 'check', id: 'c', text: 'c' }, { type: 'tip', id: 't0', cond: 'c', text: 'x', why: 'w' }];
    for (let i = 1; i < 30; i++) items.push({ type: 'tip', id: `t${i}`, cond: `^t${i - 1} && ^t${i - 1} && c`, text: 'x', why: 'w' });
    const { template, report } = importVsaq(JSON.stringify({ questionnaire: [{ type: 'block', text: 'R', items }] }));
    expect('template' in validateTemplate(template)).toBe(true);
    expect(report.skipped[0].reason).toMatch(/too large once "\^" references are expanded; tip not imported/);
  });
});

describe('importVsaq on arbitrary input', () => {
  // Random trees built from VSAQ's vocabulary: whatever comes in, the result is a valid
  // template plus a report, or a VsaqImportError — never another exception.
  const id = fc.constantFrom('a', 'b', 'c', 'a_yes', 'a_no', 'b_x', 'block_1', 'bad id', '^a', 'false');
  const cond = fc.oneof(id, fc.tuple(id, fc.constantFrom(' && ', ' || ', ' && !'), id).map(([x, op, y]) => x + op + y), fc.constantFrom('(a', 'a/yes', '!^b', ''));
  const leaf = fc.record(
    {
      type: fc.constantFrom('radiogroup', 'checkgroup', 'check', 'line', 'box', 'tip', 'info', 'upload', 'yesno', 'spacer', 'mystery'),
      id,
      text: fc.string({ maxLength: 20 }),
      cond,
      warn: fc.constantFrom('yes', 'no'),
      why: fc.string({ maxLength: 5 }),
      severity: fc.constantFrom('high', 'critical', 'weird'),
      choices: fc.array(fc.dictionary(id, fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 1 }), { maxLength: 3 }),
      defaultChoice: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  );
  const item: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    item: fc.oneof({ depthSize: 'small' }, leaf, fc.record({ type: fc.constant('block'), id, cond, text: fc.string({ maxLength: 10 }), items: fc.array(tie('item'), { maxLength: 4 }) })),
  })).item;

  it('returns a valid template or throws VsaqImportError', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        try {
          const { template, report } = importVsaq(JSON.stringify({ questionnaire: [{ type: 'block', text: 'Root', items }] }));
          expect('template' in validateTemplate(template)).toBe(true);
          for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(VsaqImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
