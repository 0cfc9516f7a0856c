/** Two-letter region codes that are not countries, which Intl still names. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AA', 'QM', 'QN', 'QP', 'QQ', 'QR', 'QS', 'QT', 'QU', 'QV', 'QW', 'QX', 'QY', 'QZ', 'XK']);

let cached: { value: string; label: string }[] | null = null;
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    const name = names.of(code.toUpperCase());
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** ISO 3166 country options derived from the runtime's Intl data ("Germany (DE)"). */
export function countryOptions(): { value: string; label: string }[] {
  if (cached) return cached;
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name && name !== code) out.push({ value: code, label: `${name} (${code})` });
    }
  }
  out.sort((x, y) => x.label.localeCompare(y.label));
  cached = out;
  return out;
}
