/**
 * Text helpers for the VSAQ import: HTML to plain text, and topic inference.
 */
import type { Topic } from './template.ts';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Only real, printable code points; anything else stays as written.
      return code >= 32 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * VSAQ texts are HTML fragments. Templates hold plain text (the UI escapes everything it
 * shows), so markup is turned into text: paragraphs and breaks become newlines, list
 * items "- " lines, links "label (url)", every other tag is dropped and entities decoded.
 * Because the result is only ever displayed as text, a stray `<` cannot become markup.
 */
export function htmlToText(html: string): string {
  const s = html
    // `[^<>]` classes instead of `.*?` or `[^>]` keep every pattern linear on hostile input.
    .replace(/<a\s[^<>]*?href\s*=\s*["']([^"'<>]*)["'][^<>]*>([^<]*)<\/a>/gi, (_m, href: string, label: string) => {
      const text = label.trim();
      return /^https?:\/\//i.test(href) && href !== text ? `${text} (${href})` : text;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^<>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/?(p|div|ul|ol|h\d|table|tr)\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, '');
  return decodeEntities(s)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Shortens text to `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Keyword rules, tried in this order on one title at a time. Order matters where
 * words overlap: "Security and Privacy Incident Response" is incident response before
 * it is compliance (privacy); "Partner Security Program" is subcontractors before
 * compliance (program); "HTTPS … Risks" is encryption before compliance (risk);
 * "Account Recovery" is access control, so plain "recovery" is not a continuity word.
 */
const TOPIC_RULES: ReadonlyArray<readonly [Topic, RegExp]> = [
  ['exit', /\bexit\b|terminat|offboard|data return|hand-?over/],
  ['incident_response', /incident|breach|monitoring|logging|\blogs?\b|security contact|vulnerability reporting/],
  ['people', /personnel|employee|background check|\bhr\b|human resource|training|\bstaff\b|\bpeople\b/],
  ['subcontractors', /outsourc|subcontract|partner|fourth.part|supplier|vendor/],
  ['physical_security', /physical|data ?cent|facilit|premises/],
  ['business_continuity', /backup|continuity|disaster|resilien|availability/],
  ['encryption', /encrypt|crypto|\bssl\b|\btls\b|https|plain-?text|cipher/],
  ['access_control', /authent|authori[sz]|password|login|access|admin|session|cookie|\bvpn\b|account|oauth|\bmfa\b|identity|privilege/],
  ['source_code_ip', /source code|unit test|code review|repositor|intellectual property|\bqa\b|development|sdlc/],
  ['compliance', /complian|audit|polic|certif|assessment|\brisk|program|privacy|penetration|scan|testing|change management|gdpr|hipaa/],
];

/**
 * Infers a topic from section titles, most specific first (the innermost block's title,
 * then its parents'): the first title that matches a rule decides. Nothing matching
 * gives 'data_security', the broadest topic (networks, servers, web vulnerabilities).
 */
export function inferTopic(titlesInnermostFirst: readonly string[]): Topic {
  for (const title of titlesInnermostFirst) {
    const t = title.toLowerCase().replace(/_/g, ' ');
    for (const [topic, re] of TOPIC_RULES) if (re.test(t)) return topic;
  }
  return 'data_security';
}
