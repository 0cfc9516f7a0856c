/**
 * Test-side reading of Google's VSAQ files, deliberately independent of src/: a crude
 * parser (drop `//` comment lines, fold `"…" +` newline `"…"` with a regex) and a plain
 * recursive traversal. If the importer and this disagree, one of them is wrong.
 */
import { readFileSync } from 'node:fs';

const DIR = new URL('../../../../shared/data/google-vsaq/questionnaires/', import.meta.url);

export const REAL_QUESTIONNAIRES = ['infrastructure', 'webapp', 'security_privacy_programs'] as const;

export function readVsaq(name: string): string {
  return readFileSync(new URL(`${name}.json`, DIR), 'utf8');
}

export type RawItem = { type?: string; id?: string; cond?: string; items?: RawItem[]; choices?: Array<Record<string, string>>; [k: string]: unknown };

export function rawTree(text: string): { questionnaire?: RawItem[]; extensions?: RawItem[] } {
  const noComments = text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n');
  return JSON.parse(noComments.replace(/"\s*\+\s*\n\s*"/g, ''));
}

/** Every item in document order (blocks included). */
export function allItems(items: RawItem[] | undefined): RawItem[] {
  const out: RawItem[] = [];
  for (const it of items ?? []) {
    out.push(it);
    if (it.type === 'block') out.push(...allItems(it.items));
  }
  return out;
}

/**
 * What "question id" means in these tests: the id of every answerable item
 * (radiogroup, checkgroup, check, yesno, line, box, upload) and every choice key of a
 * radiogroup or checkgroup — the ids VSAQ stores answers under and `cond` refers to.
 * Each comes with the Outsight shape it must have after import.
 */
export function questionIds(tree: { questionnaire?: RawItem[] }): Array<{ id: string; expect: 'question' | 'radio choice' | 'check choice'; type: string }> {
  const out: Array<{ id: string; expect: 'question' | 'radio choice' | 'check choice'; type: string }> = [];
  const answerable = ['radiogroup', 'checkgroup', 'check', 'yesno', 'line', 'box', 'upload'];
  for (const it of allItems(tree.questionnaire)) {
    if (!answerable.includes(it.type ?? '')) continue;
    if (it.id) out.push({ id: it.id, expect: 'question', type: it.type! });
    for (const c of it.choices ?? []) {
      for (const key of Object.keys(c)) out.push({ id: key, expect: it.type === 'radiogroup' ? 'radio choice' : 'check choice', type: it.type! });
    }
  }
  return out;
}

/** Number of answerable items (with or without an id) and of tips that carry an answer box (`why`). */
export function rawCounts(tree: { questionnaire?: RawItem[] }): { questionItems: number; tipsWithWhy: RawItem[] } {
  const items = allItems(tree.questionnaire);
  return {
    questionItems: items.filter((i) => ['radiogroup', 'checkgroup', 'check', 'yesno', 'line', 'box', 'upload'].includes(i.type ?? '')).length,
    tipsWithWhy: items.filter((i) => i.type === 'tip' && typeof i.why === 'string' && i.why.trim() !== ''),
  };
}
