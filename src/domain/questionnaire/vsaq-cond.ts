/**
 * Parser for VSAQ `cond` strings, e.g. `network_vpn_auth_pwd && !^warn_x` or
 * `!network_vpn_auth_pwd && (a || b)`.
 *
 * Syntax actually present in Google's questionnaires: identifiers, `&&`, `||`, `!`,
 * parentheses, the visibility prefix `^` (`^id` = "item id is shown") and the suffixes
 * `/yes`, `/no`, `/value` on an id. This parser returns identifiers verbatim (prefix and
 * suffix included); vsaq.ts resolves what each one means.
 *
 * Precedence follows VSAQ's own evaluator, not JavaScript: `!` binds to the next operand,
 * and `&&` / `||` have EQUAL precedence and are applied left to right, so `a || b && c`
 * means `(a || b) && c`. That is how every VSAQ questionnaire was tested by its authors.
 * (None of Google's files mixes the two without parentheses, so the choice only matters
 * for third-party files.)
 *
 * Not supported, reported as an error: string literals, the `,` operator and function
 * calls (`matches(…)`, `contains(…)`), which VSAQ allows but no shipped file uses.
 */

export type VsaqCond =
  | { readonly kind: 'and' | 'or'; readonly args: readonly VsaqCond[] }
  | { readonly kind: 'not'; readonly arg: VsaqCond }
  | { readonly kind: 'ref'; readonly name: string };

type Token = { t: '(' | ')' | '!' | '&&' | '||' } | { t: 'id'; name: string };

const MAX_DEPTH = 32;
const ID_CHAR = /[^\s()!&|,"]/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '!') {
      out.push({ t: c });
      i++;
    } else if (c === '&' || c === '|') {
      if (src[i + 1] !== c) throw new Error(`"${c}" must be doubled ("${c}${c}") at position ${i}`);
      out.push({ t: c === '&' ? '&&' : '||' });
      i += 2;
    } else if (c === '"' || c === ',') {
      throw new Error(`string literals and function calls are not supported (position ${i})`);
    } else {
      let j = i;
      while (j < src.length && ID_CHAR.test(src[j])) j++;
      out.push({ t: 'id', name: src.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/**
 * Parses a VSAQ condition string.
 * @returns `{ cond }`, `{ cond: null }` for a blank string (VSAQ: always shown), or
 *   `{ error }` describing what is not understood.
 */
export function parseVsaqCondition(src: string): { cond: VsaqCond | null } | { error: string } {
  let tokens: Token[];
  try {
    tokens = tokenize(src);
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (tokens.length === 0) return { cond: null };
  let pos = 0;

  const operand = (depth: number): VsaqCond => {
    if (depth > MAX_DEPTH) throw new Error('nested too deeply');
    const tok = tokens[pos++];
    if (!tok) throw new Error('expression ends too early');
    if (tok.t === '!') return { kind: 'not', arg: operand(depth + 1) };
    if (tok.t === 'id') {
      if (tokens[pos]?.t === '(') throw new Error(`function calls are not supported ("${tok.name}(…)")`);
      return { kind: 'ref', name: tok.name };
    }
    if (tok.t === '(') {
      const inner = sequence(depth + 1);
      if (tokens[pos++]?.t !== ')') throw new Error('missing ")"');
      return inner;
    }
    throw new Error(`unexpected "${tok.t}"`);
  };

  // Left-to-right fold with equal precedence (see the file comment).
  const sequence = (depth: number): VsaqCond => {
    let acc = operand(depth);
    for (;;) {
      const op = tokens[pos];
      if (!op || (op.t !== '&&' && op.t !== '||')) return acc;
      pos++;
      const kind = op.t === '&&' ? 'and' : 'or';
      const rhs = operand(depth);
      acc = acc.kind === kind ? { kind, args: [...acc.args, rhs] } : { kind, args: [acc, rhs] };
    }
  };

  try {
    const cond = sequence(0);
    if (pos < tokens.length) throw new Error(`unexpected "${tokens[pos].t === 'id' ? (tokens[pos] as { name: string }).name : tokens[pos].t}"`);
    return { cond };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
