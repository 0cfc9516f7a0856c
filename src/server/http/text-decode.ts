import { AppError } from './app-error.ts';

/**
 * Decodes an uploaded text file the way spreadsheet exports arrive: UTF-8 with or without
 * BOM, UTF-16 with BOM, and Windows-1252 when the bytes are not valid UTF-8.
 */
export function decodeText(buf: Buffer): string {
  refuseContainer(buf);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start));
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** Picks the delimiter that splits the header line into the most columns. */
export function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    let n = 1; // counted, not split: a header of a million columns builds no array
    for (let i = header.indexOf(d); i !== -1; i = header.indexOf(d, i + 1)) n++;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function requireNonEmpty(text: string) {
  if (text.trim().length === 0) throw new AppError('import_rejected', 'The file is empty.', { rejected: [{ line: 1, field: '(file)', reason: 'The file is empty' }] });
}

const CONTAINERS: Array<{ magic: number[]; what: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another ZIP archive' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel 97–2003 workbook (.xls)' },
];

/**
 * A text import given a workbook or an archive would read its bytes as garbage columns;
 * say what the file is and what to do instead.
 */
function refuseContainer(buf: Buffer) {
  const c = CONTAINERS.find((x) => x.magic.every((b, i) => buf[i] === b));
  if (!c) return;
  throw new AppError('import_rejected', `The file is ${c.what}, not a text file; nothing was imported. Save or export it as CSV (or the text format this import reads) and import that.`, {
    rejected: [{ line: 1, field: '(file)', reason: `Not a text file: ${c.what}` }],
  });
}
