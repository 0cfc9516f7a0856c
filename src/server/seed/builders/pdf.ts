/**
 * A one-page PDF with a title and a few lines of text, for demo documents a person may open
 * (a proposal, a certificate): SMALL_PDF passes the upload's content check but shows nothing.
 * Helvetica (a standard font, nothing embedded); WinAnsi text; offsets counted for the xref.
 */
export function documentPdf(title: string, lines: readonly string[] = []): Buffer {
  // WinAnsi has the typographic dashes and quotes Latin-1 lacks; anything else becomes '?'.
  const winAnsi: Record<string, string> = { '–': '\x96', '—': '\x97', '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '€': '\x80' };
  const esc = (s: string) =>
    s
      .replace(/[\\()]/g, (c) => `\\${c}`)
      .replace(/[–—‘’“”€]/g, (c) => winAnsi[c])
      .replace(/[^\x20-\xff]/g, '?');
  const text = [`BT /F1 18 Tf 72 760 Td (${esc(title)}) Tj ET`, ...lines.map((l, i) => `BT /F1 11 Tf 72 ${724 - i * 16} Td (${esc(l)}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
