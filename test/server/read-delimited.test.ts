import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../src/server/modules/tickets/tickets.public.ts';

/** The rows of a file handed over in chunks cut every `size` bytes, wherever that falls. */
async function rowsOf(bytes: Buffer, size: number): Promise<string[][]> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const rows: string[][] = [];
  await readDelimited(chunks(), { header: (h) => rows.push(h), row: (cells) => rows.push(cells), flush: async () => {}, cutOff: () => {} });
  return rows;
}

const TEXT = 'name,city\nZoë Ærø,Kraków\n日本語のテキスト,東京\n"Ünïcödé, quoted",Zürich 🚀\n';
const WANT = [
  ['name', 'city'],
  ['Zoë Ærø', 'Kraków'],
  ['日本語のテキスト', '東京'],
  ['Ünïcödé, quoted', 'Zürich 🚀'],
];

describe('reading a delimited export in chunks', () => {
  it('keeps a character whose bytes are cut between two chunks, in UTF-8 with and without a BOM', async () => {
    const utf8 = Buffer.from(TEXT, 'utf8');
    // Every chunk size from 1 byte: each multi-byte character is cut at each of its inner boundaries.
    for (let size = 1; size <= 9; size++) expect(await rowsOf(utf8, size)).toEqual(WANT);
    // In one chunk: the file ends in a four-byte character and a line break, which the sample must not cut.
    expect(await rowsOf(utf8, utf8.length)).toEqual(WANT);
    // The BOM itself cut over the first chunks.
    for (const size of [1, 2, 5]) expect(await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), size)).toEqual(WANT);
  });

  it('does the same in UTF-16 (little-endian with a BOM, big-endian with one), a surrogate pair included', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    for (const size of [1, 3, 7]) expect(await rowsOf(le, size)).toEqual(WANT);
    const be = Buffer.from(le);
    be.swap16();
    for (const size of [1, 3, 7]) expect(await rowsOf(be, size)).toEqual(WANT);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and puts U+FFFD for a broken UTF-8 byte after the first megabyte', async () => {
    expect(await rowsOf(Buffer.from('name,city\nCaf\xe9,K\xf6ln\n', 'latin1'), 4)).toEqual([
      ['name', 'city'],
      ['Café', 'Köln'],
    ]);
    // The encoding is told from the first megabyte: a stray byte after it is replaced, not a reason to fail.
    const ascii = Buffer.from(`name,city\n${'A,B\n'.repeat(300_000)}`, 'utf8');
    const late = Buffer.concat([ascii, Buffer.from([0x43, 0xff, 0x2c, 0x44, 0x0a])]);
    const rows = await rowsOf(late, 65_536);
    expect(rows.length).toBe(300_002);
    expect(rows.at(-1)).toEqual(['C\ufffd', 'D']);
  });
});
