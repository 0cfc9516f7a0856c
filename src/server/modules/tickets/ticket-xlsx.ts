import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../domain/errors.ts';
import { AppError } from '../../http/app-error.ts';
import type { RowSink } from './ticket-reader.ts';

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

/** Streams the first worksheet of an .xlsx file through the same sink as CSV. */
export async function readXlsx(source: AsyncIterable<Buffer>, sink: RowSink): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  let rows = 0;
  let width = 0;
  let sheets = 0;
  let sinkFailed = false;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1); // exceljs rows are 1-based
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
          sinkFailed = true; // a database failure while staging is not a damaged file
          await sink.flush();
          sinkFailed = false;
        }
      }
      break; // only the first worksheet holds the tickets
    }
  } catch (err) {
    // A refusal of the rows (a missing column) stays what it is; anything else is an unreadable file.
    if (err instanceof DomainError || sinkFailed) throw err;
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
