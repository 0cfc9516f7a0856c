import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../http/app-error.ts';

export interface SourceLimits {
  /** What a gzip upload may unpack to; past it the import stops (413). */
  maxUnpackedBytes: number;
  /** Set when the client has gone away: reading stops and the import rolls back. */
  signal?: AbortSignal;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

export function unpackedTooLarge(what: string, limit: number, details: Record<string, unknown> = {}): AppError {
  return new AppError('payload_too_large', `${what} unpacks to more than ${mb(limit)}, the most an import may unpack to; nothing was imported. Split the export into smaller files, or ask the administrator to raise OUTSIGHT_MAX_UNPACKED_MB.`, {
    limitBytes: limit,
    ...details,
    rejected: [{ line: 1, field: '(file)', reason: `Unpacks to more than ${mb(limit)}` }],
  });
}

/**
 * Looks at the first bytes of an upload to tell gzip, xlsx (a zip) and text apart, then
 * hands back a stream that still starts at byte 0. Nothing is buffered beyond one chunk.
 * `fileName`, when known, catches a file whose name promises a workbook it is not.
 */
export async function openSource(source: AsyncIterable<Buffer | Uint8Array | string>, fileName: string | null | undefined, limits: SourceLimits): Promise<{ kind: 'xlsx' | 'text'; stream: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const { signal } = limits;
  signal?.throwIfAborted();
  const first = await it.next();
  const head = first.done ? Buffer.alloc(0) : asBuffer(first.value);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      // The client went away: stop reading, so the import stops too (its transaction rolls back).
      signal?.throwIfAborted();
      yield asBuffer(r.value);
    }
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // pipeline, not pipe: a failing upload (the client hung up) must end the gunzip too.
    const gunzip = createGunzip();
    pipeline(Readable.from(replay()), gunzip, () => {});
    const capped = capUnpacked(damagedAs(gunzip as AsyncIterable<Buffer>, 'gzip'), limits.maxUnpackedBytes, signal);
    return openSource(capped, fileName?.replace(/\.gz$/i, ''), limits);
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (!isZip && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw notAWorkbook('The file is an old Excel 97–2003 workbook (.xls), which Outsight does not read; nothing was imported. Save it as .xlsx or CSV and upload that.', 'xls');
  }
  if (!isZip && fileName && /\.xlsx$/i.test(fileName)) {
    throw notAWorkbook(`"${fileName}" is named .xlsx but is not an Excel workbook (an .xlsx file is a ZIP archive; this one does not start like one); nothing was imported. Open it in Excel and save it as .xlsx again, or export the tickets as CSV.`, 'xlsx');
  }
  return { kind: isZip ? 'xlsx' : 'text', stream: replay() };
}

/** A Buffer over the same bytes, not a copy (a whole upload can be tens of megabytes). */
function asBuffer(v: Buffer | Uint8Array | string): Buffer {
  if (typeof v === 'string') return Buffer.from(v);
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** Counts what gzip unpacks and stops inflating the moment it passes the limit. */
async function* capUnpacked(stream: AsyncIterable<Buffer>, limit: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    total += chunk.length;
    if (total > limit) throw unpackedTooLarge('The gzip file', limit);
    yield chunk;
  }
}

function notAWorkbook(message: string, damaged: 'xls' | 'xlsx'): AppError {
  return new AppError('file_damaged', message, { damaged, rejected: [{ line: 1, field: '(file)', reason: damaged === 'xls' ? 'An Excel 97–2003 .xls file' : 'Not an .xlsx file' }] });
}

/**
 * A cut-off or corrupt compressed file is the user's file, not a server fault: say which
 * container is damaged (zlib's "unexpected end of file" means nothing to a person).
 */
async function* damagedAs(stream: AsyncIterable<Buffer>, kind: 'gzip'): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('Z_') && !/unexpected end of file|incorrect header|invalid/i.test((err as Error).message)) throw err;
    throw new AppError('file_damaged', `The ${kind} file is damaged or cut off (${(err as Error).message}); nothing was imported. Compress the export again, or upload it uncompressed.`, {
      damaged: kind,
      rejected: [{ line: 1, field: '(file)', reason: `Damaged ${kind} file` }],
    });
  }
}
