import { AppError } from '../../http/app-error.ts';
import { readDelimited, type RowSink } from './ticket-reader.ts';
import { openSource, type SourceLimits } from './ticket-source.ts';
import { readXlsx } from './ticket-xlsx.ts';

export interface SheetRow {
  /** The line (CSV) or row number (workbook) where the row starts, as a person sees it. */
  line: number;
  cells: string[];
}

/**
 * Reads a small spreadsheet upload (CSV or other delimited text in any of the usual
 * encodings, an .xlsx workbook's first sheet, or a gzip of either) with the same readers
 * and limits as the ticket import, and hands back its header and rows. For imports whose
 * files are small enough to hold (contracts); more than `maxRows` rows is refused.
 */
export async function readSheet(file: Buffer, fileName: string | null, limits: SourceLimits & { maxRows: number }): Promise<{ header: string[]; rows: SheetRow[] }> {
  let header = null as string[] | null;
  const rows: SheetRow[] = [];
  const sink: RowSink = {
    header: (columns) => {
      header = columns.map((c) => c.trim());
    },
    row: (cells, line) => {
      if (cells.every((c) => c.trim() === '')) return;
      if (rows.length >= limits.maxRows) {
        throw new AppError('import_rejected', `The file has more than ${limits.maxRows.toLocaleString('en')} rows, the most one import takes; nothing was imported. Split it into smaller files.`, {
          rejected: [{ line, field: '(file)', reason: `More than ${limits.maxRows.toLocaleString('en')} rows` }],
        });
      }
      rows.push({ line, cells });
    },
    flush: async () => {},
    cutOff: (line, why) => {
      throw new AppError('import_rejected', `The file looks cut off at line ${line} (${why}); nothing was imported.`, { rejected: [{ line, field: '(row)', reason: `The file looks cut off: ${why}` }] });
    },
  };
  async function* once(): AsyncGenerator<Buffer> {
    yield file;
  }
  const { kind, stream } = await openSource(once(), fileName, limits);
  if (kind === 'xlsx') await readXlsx(stream, sink, limits);
  else await readDelimited(stream, sink);
  if (!header) throw new AppError('import_rejected', 'The file is empty.', { rejected: [{ line: 1, field: '(file)', reason: 'The file is empty' }] });
  return { header, rows };
}
