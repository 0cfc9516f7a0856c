/**
 * Import of Google VSAQ questionnaires (github.com/google/vsaq) into Outsight templates.
 *
 * Mapping (and why):
 * - `block` → a section. Sections are flat, so nested blocks become their own sections
 *   titled "Parent › Child", with the AND of every enclosing block's `cond`; items that
 *   follow a nested block inside its parent continue in a "(continued)" section. The
 *   outermost block's title becomes the template name.
 * - `radiogroup` → single_choice; `checkgroup` → ONE multiple_choice question whose
 *   choice ids are the VSAQ check ids. Keeping the group as one question preserves what
 *   the vendor saw (one "select all that apply" list) and its one score, while every
 *   VSAQ check id still exists (as a choice id) for conditions and for tracing. Groups
 *   without an id get one derived from their choice ids' common prefix
 *   (`network_wifi_enc_no`, `…_wep` → `network_wifi_enc`).
 * - `check` and `yesno` → yes_no; `line` → short_text; `box` → long_text;
 *   `upload` → file. `info` → the section description, or the help of the next question
 *   (or its text, when that question has none).
 * - `tip`: a warning tip (`warn: "yes"`) whose `cond` names one or more answers joined by
 *   `||` (`network_firewalls_no`, `a_wep || a_none`, `data_warning/yes`, `!some_check`)
 *   makes those answers bad: their score becomes 0, the question gets weight 1, the
 *   tip's severity (highest wins, default medium) and its `name` as finding title. A tip
 *   with `why` (VSAQ shows an answer box: "explain your compensating controls") is also
 *   imported as an optional long_text question with the tip's id and condition, so the
 *   vendor's justification is kept as evidence. Tips that do neither are reported.
 * - `cond` strings become Condition ASTs (vsaq-cond.ts parses them). An id resolves to:
 *   a radio choice → `equals(group, choice)`; a check of a checkgroup →
 *   `includes(group, check)`; a standalone check → `equals(check, true)` (`/no` → false);
 *   a radiogroup, line, box or upload id → `answered`; a checkgroup id → any of its
 *   checks; `^id` ("item is shown") → the item's own visibility condition, inlined;
 *   `false` → never. VSAQ only reads items that are shown, which our evaluator does too.
 * - Topics are inferred per section from block titles (vsaq-text.ts). Questions without
 *   a bad answer get weight 0 (scoring them would only add constant points).
 * Anything not understood is listed in `report.skipped` with a reason; nothing throws
 * except input that is not a VSAQ questionnaire at all (VsaqImportError).
 */
import type { Section, Template } from './template.ts';
import { TEMPLATE_LIMITS, validateTemplate } from './template.ts';
import { JsLikeJsonError, parseJsLikeJson } from './vsaq-json.ts';
import { Importer, VsaqImportError, type VsaqSkipped, collectIds, isRecord, str } from './vsaq-importer.ts';
import { clip, htmlToText } from './vsaq-text.ts';

export { VsaqImportError, type VsaqSkipped } from './vsaq-importer.ts';

export interface VsaqImportReport {
  /** Questions in the template, justification boxes included. */
  readonly questions: number;
  /** Of those, optional justification questions created from tips with `why`. */
  readonly justifications: number;
  /** Sections and questions that carry a condition. */
  readonly conditions: number;
  /** Questions with a known bad answer (weight 1). */
  readonly scored: number;
  readonly skipped: VsaqSkipped[];
}

export interface VsaqImportResult {
  readonly template: Template;
  readonly report: VsaqImportReport;
}

/**
 * Imports a VSAQ questionnaire (or a VSAQ extension file) from its JS-flavoured JSON text.
 * @param opts.name template name; defaults to the outermost block's title.
 * @returns the template (valid against TemplateSchema) and a report of counts and skipped items.
 * @throws VsaqImportError when the text is not a VSAQ questionnaire with at least one question.
 */
export function importVsaq(text: string, opts: { name?: string } = {}): VsaqImportResult {
  if (text.length > TEMPLATE_LIMITS.jsonChars) throw new VsaqImportError(`File too large (more than ${TEMPLATE_LIMITS.jsonChars} characters)`);
  let doc: unknown;
  try {
    doc = parseJsLikeJson(text);
  } catch (e) {
    throw new VsaqImportError(e instanceof JsLikeJsonError ? e.message : 'Not readable as JSON');
  }
  if (!isRecord(doc) || (!Array.isArray(doc.questionnaire) && !Array.isArray(doc.extensions))) {
    throw new VsaqImportError('Not a VSAQ questionnaire: expected an object with a "questionnaire" (or "extensions") list');
  }
  const imp = new Importer(collectIds(doc));
  let items: unknown[];
  let title: string;
  if (Array.isArray(doc.questionnaire)) {
    const only = doc.questionnaire.length === 1 ? doc.questionnaire[0] : undefined;
    const root = isRecord(only) && only.type === 'block' && Array.isArray(only.items) ? only : undefined;
    items = root ? (root.items as unknown[]) : doc.questionnaire;
    title = root ? htmlToText(str(root.text) ?? '') : '';
    if (root?.cond) imp.skip(root, 'condition on the outermost block ignored');
  } else {
    items = doc.extensions as unknown[];
    title = `VSAQ extension${typeof doc.namespace === 'string' ? ` (${clip(doc.namespace, 60)})` : ''}`;
    for (const ext of items) {
      if (isRecord(ext) && typeof ext.insertAfter === 'string') imp.skip(ext, `meant to be inserted after "${clip(ext.insertAfter, 80)}" in another questionnaire; imported on its own`);
    }
  }
  imp.run(items, title || 'VSAQ questionnaire');

  // Sections left without questions (only info text) hand their text to the next one.
  const sections: Section[] = [];
  let carry = '';
  for (const s of imp.sections) {
    if (s.questions.length === 0) {
      carry = [carry, s.description].filter(Boolean).join('\n\n');
      continue;
    }
    const description = clip([carry, s.description].filter(Boolean).join('\n\n'), TEMPLATE_LIMITS.help);
    sections.push({ ...s, ...(description ? { description } : {}) });
    carry = '';
  }
  if (sections.length === 0) throw new VsaqImportError('No questions found in this questionnaire');
  if (carry) {
    const last = sections[sections.length - 1];
    last.description = clip([last.description, carry].filter(Boolean).join('\n\n'), TEMPLATE_LIMITS.help);
  }
  const name = clip(opts.name?.trim() || title || 'VSAQ questionnaire', 200);
  const checked = validateTemplate({ name, description: 'Imported from a VSAQ questionnaire.', sections });
  if ('issues' in checked) {
    // Only a bug in this importer gets here; say what broke rather than return a bad template.
    throw new VsaqImportError(`Imported template is invalid: ${checked.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const all = sections.flatMap((s) => s.questions);
  return {
    template: checked.template,
    report: {
      questions: all.length,
      justifications: imp.justifications,
      conditions: sections.filter((s) => s.condition).length + all.filter((q) => q.condition).length,
      scored: all.filter((q) => q.weight > 0).length,
      skipped: imp.skipped,
    },
  };
}
