/**
 * A tolerant reader for the JavaScript-flavoured JSON that VSAQ questionnaires are
 * written in. It never evaluates anything: it rewrites the text into strict JSON and
 * hands that to JSON.parse.
 *
 * Accepted on top of JSON (all found in, or common in, hand-edited VSAQ files):
 * - `// line` and `/* block *\/` comments outside strings;
 * - string concatenation `"a" + "b"` (with whitespace, newlines or comments around the
 *   `+`), folded into one string;
 * - a trailing comma before `]` or `}`.
 * Every removed character is replaced by whitespace of the same kind (a newline stays a
 * newline), so JSON.parse's error position still points at the right line and column.
 */

export class JsLikeJsonError extends Error {
  constructor(
    message: string,
    /** 1-based; absent when the JSON engine did not say where. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column})`);
    this.name = 'JsLikeJsonError';
  }
}

function lineCol(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: pos - last };
}

/** Blanks a span while keeping its newlines, so positions and line numbers survive. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** End index (exclusive) of the string literal starting at `start` (a `"`), or -1 if unterminated. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** Index of the first character after whitespace and comments from `i`; -1 on an unterminated block comment. */
function skipTrivia(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else break;
  }
  return i;
}

/** Rewrites JS-ish JSON into strict JSON of the same length (see the file comment). */
export function toStrictJson(text: string): string {
  const out: string[] = [];
  let i = 0;
  const fail = (msg: string, at: number): never => {
    const { line, column } = lineCol(text, at);
    throw new JsLikeJsonError(msg, line, column);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let end = stringEnd(text, i);
      if (end < 0) fail('Unterminated string', i);
      let body = text.slice(i, end - 1); // without the closing quote
      let padding = '';
      // Fold `"…" + "…"` chains: the pieces join, the operators become whitespace.
      for (;;) {
        const plus = skipTrivia(text, end);
        if (plus < 0 || text[plus] !== '+') break;
        const next = skipTrivia(text, plus + 1);
        if (next < 0 || text[next] !== '"') fail('"+" must be followed by a string', plus);
        const nextEnd = stringEnd(text, next);
        if (nextEnd < 0) fail('Unterminated string', next);
        padding += blank(text.slice(end - 1, next + 1));
        body += text.slice(next + 1, nextEnd - 1);
        end = nextEnd;
      }
      out.push(body, '"', padding);
      i = end;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = skipTrivia(text, i);
      if (end < 0) fail('Unterminated comment', i);
      out.push(blank(text.slice(i, end)));
      i = end;
    } else if (c === ',') {
      const next = skipTrivia(text, i + 1);
      out.push(next >= 0 && (text[next] === ']' || text[next] === '}') ? ' ' : ',');
      i++;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

/**
 * Parses JS-ish JSON (comments, `"a" + "b"`, trailing commas) without evaluating it.
 * @throws JsLikeJsonError with the line and column of the problem.
 */
export function parseJsLikeJson(text: string): unknown {
  const strict = toStrictJson(text);
  try {
    return JSON.parse(strict) as unknown;
  } catch (e) {
    // V8 sometimes quotes the whole input in its message; keep only the first clause.
    const msg = (e as Error).message.split(/, "| in JSON/)[0];
    const pos = /position (\d+)/.exec((e as Error).message);
    if (!pos) throw new JsLikeJsonError(`Not valid JSON: ${msg}`);
    const { line, column } = lineCol(strict, Number(pos[1]));
    throw new JsLikeJsonError(`Not valid JSON: ${msg}`, line, column);
  }
}
