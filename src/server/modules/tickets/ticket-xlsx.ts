import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
// Loaded on the first workbook: exceljs costs about 280 ms to load, and most CLI commands and
// server starts never read one (docs/PERFORMANCE.md).
import type ExcelJS from 'exceljs';
import { DomainError } from '../../../domain/errors.ts';
import { AppError } from '../../http/app-error.ts';
import { MAX_COLUMNS, tooManyColumns, type RowSink } from './ticket-reader.ts';
import { unpackedTooLarge, type SourceLimits } from './ticket-source.ts';

/**
 * The shared strings part is held in memory while the sheet is read (exceljs caches it), so
 * it has a cap of its own, well below the cap on the whole workbook.
 */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel stores date cells as wall-clock numbers; exceljs hands them over as Dates whose
 * UTC fields are that wall clock. Writing them back without a zone lets the import apply
 * the export's time zone, exactly as for CSV text.
 */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * Streams the first worksheet of an .xlsx file through the same sink as CSV. The upload is
 * first written to a temporary file, so the ZIP's central directory (at its end) can say
 * how large each part unpacks to before anything is unpacked.
 */
export async function readXlsx(source: AsyncIterable<Buffer>, sink: RowSink, limits: SourceLimits): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'outsight-xlsx-'));
  try {
    const file = path.join(dir, 'upload.xlsx');
    await pipeline(Readable.from(source), createWriteStream(file));
    await checkUnpackedSizes(file, limits.maxUnpackedBytes);
    return await readWorkbook(createReadStream(file), sink, limits.signal);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface ZipEntry {
  name: string;
  unpacked: number;
}

/**
 * Reads the ZIP central directory of the workbook and refuses it, before unpacking, when a
 * part (or all of them together) would unpack past the limits. A workbook without a
 * readable directory is cut off or damaged.
 */
async function checkUnpackedSizes(file: string, maxUnpacked: number): Promise<void> {
  const entries = await centralDirectory(file);
  let total = 0;
  for (const e of entries) {
    total += e.unpacked;
    if (e.name === 'xl/sharedStrings.xml' && e.unpacked > Math.min(MAX_SHARED_STRINGS_BYTES, maxUnpacked)) {
      throw unpackedTooLarge("The workbook's shared strings (xl/sharedStrings.xml)", Math.min(MAX_SHARED_STRINGS_BYTES, maxUnpacked), { entry: e.name });
    }
    if (total > maxUnpacked) throw unpackedTooLarge('The Excel workbook', maxUnpacked, { entry: e.name });
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** A ZIP64 field: the real size is elsewhere and at least 4 GB. */
const ZIP64 = 0xffffffff;

async function centralDirectory(file: string): Promise<ZipEntry[]> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    // The end-of-directory record is 22 bytes plus a comment of at most 65,535.
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw damagedWorkbook('it ends before the archive does', 0);
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset === ZIP64 || dirSize === ZIP64 || count === 0xffff) throw unpackedTooLarge('The Excel workbook', 0xffffffff);
    if (dirOffset + dirSize > size) throw damagedWorkbook('it ends before the archive does', 0);
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw damagedWorkbook('its table of contents is damaged', 0);
      const unpacked = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      // A ZIP64 size is 4 GB or more: past any limit.
      entries.push({ name, unpacked: unpacked === ZIP64 ? Number.MAX_SAFE_INTEGER : unpacked });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

async function readWorkbook(input: Readable, sink: RowSink, signal: AbortSignal | undefined): Promise<number> {
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  let rows = 0;
  let width = 0;
  let sheets = 0;
  let sinkFailed = false;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const all = row.values as ExcelJS.CellValue[];
        if (all.length - 1 > MAX_COLUMNS) throw tooManyColumns(row.number, all.length - 1);
        const values = all.slice(1); // exceljs rows are 1-based
        if (width === 0) {
          const header = values.map(cellText).map((h) => h.trim());
          width = header.length;
          sink.header(header);
          continue;
        }
        const cells = Array.from({ length: Math.max(width, values.length) }, (_, i) => cellText(values[i]));
        while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
        rows++;
        sink.row(cells, row.number);
        if (rows % 5000 === 0) {
          signal?.throwIfAborted();
          sinkFailed = true; // a database failure while staging is not a damaged file
          await sink.flush();
          sinkFailed = false;
        }
      }
      break; // only the first worksheet holds the tickets
    }
  } catch (err) {
    // A refusal of the rows (a missing column) stays what it is; anything else is an unreadable file.
    if (err instanceof DomainError || sinkFailed || signal?.aborted) throw err;
    // The workbook's ZIP container ends early or is corrupt: the user's file, never a server fault.
    throw damagedWorkbook(`${(err as Error).message === 'FILE_ENDED' ? 'it ends before the archive does' : (err as Error).message}`, rows);
  }
  if (sheets === 0) {
    throw new AppError('file_damaged', 'The file is a ZIP archive but not an Excel workbook (it has no worksheet); nothing was imported. Unzip it and upload the CSV or .xlsx file inside.', {
      damaged: 'zip',
      rejected: [{ line: 1, field: '(file)', reason: 'A ZIP archive that is not an Excel workbook' }],
    });
  }
  if (width === 0) throw new AppError('import_rejected', 'The spreadsheet is empty.', { rejected: [{ line: 1, field: '(file)', reason: 'The file is empty' }] });
  await sink.flush();
  return rows;
}

function damagedWorkbook(cause: string, rowsRead: number): AppError {
  return new AppError(
    'file_damaged',
    `The Excel workbook (.xlsx) is damaged or cut off (${cause})${rowsRead ? ` after ${rowsRead} rows` : ''}; nothing was imported. Open it in Excel and save it again, or export the tickets as CSV.`,
    { damaged: 'xlsx', rejected: [{ line: 1, field: '(file)', reason: 'Damaged .xlsx file' }] },
  );
}
