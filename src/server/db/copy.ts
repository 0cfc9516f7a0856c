import type { Db } from './client.ts';
import { BINARY_HEADER, BINARY_TRAILER, BinaryRows } from './copy-binary.ts';

/**
 * COPY … FROM for bulk loads (an import's staging rows, the SLA verdicts of an
 * engagement). Drizzle exposes no COPY; the driver's own client of the transaction does,
 * and reaching it means reading Drizzle's internals, so that knowledge lives here and
 * nowhere else. Must run inside a transaction: outside one, node-postgres hands out a
 * pool rather than the connection the COPY needs.
 */
export interface CopyIn {
  /**
   * Rows as CSV text (FORMAT csv: an unquoted empty field is NULL), or for a binary COPY
   * rows in PostgreSQL's binary format (`BinaryRows`, without the header and trailer).
   */
  write(rows: string | Uint8Array): Promise<void>;
  finish(): Promise<void>;
  /** Ends an unfinished COPY so the transaction can roll back instead of waiting on it. */
  abort(err: unknown): Promise<void>;
}

type DriverClient = { query: (...args: unknown[]) => unknown; connectionParameters?: unknown };
function driverClient(tx: Db): DriverClient {
  return (tx as unknown as { session: { client: DriverClient } }).session.client;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function copyInto(tx: Db, table: string, columns: readonly string[], format: 'csv' | 'binary' = 'csv'): Promise<CopyIn> {
  const target = `${ident(table)} (${columns.map(ident).join(', ')})`;
  const client = driverClient(tx);
  // node-postgres clients carry their connection parameters; PGlite's do not.
  if (client.connectionParameters === undefined) {
    // PGlite reads COPY input from a Blob handed over with the query: each write is a COPY
    // of its own, so a binary one carries the header and trailer every time.
    return {
      async write(rows) {
        if (!rows.length) return;
        const part = rows as BlobPart; // never a SharedArrayBuffer's view here
        const blob = format === 'binary' ? new Blob([BINARY_HEADER, part, BINARY_TRAILER]) : new Blob([part]);
        await client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT ${format})`, [], { blob });
      },
      async finish() {},
      async abort() {},
    };
  }
  const { from } = await import('pg-copy-streams');
  const stream = client.query(from(`COPY ${target} FROM STDIN WITH (FORMAT ${format})`)) as NodeJS.WritableStream;
  let failure: unknown = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    // Always listened to: a stream 'error' without a listener ends the process (the
    // database went away mid-COPY). The import fails with it instead.
    stream.on('error', (err) => {
      failure = err;
      reject(err);
    });
  });
  done.catch(() => {}); // surfaced by write() or finish(); avoid an unhandled rejection meanwhile
  if (format === 'binary') stream.write(BINARY_HEADER);
  return {
    async write(rows) {
      if (failure) throw failure;
      // A stream that failed never drains: wait for whichever comes first.
      if (rows.length && !stream.write(rows)) await Promise.race([new Promise<void>((r) => stream.once('drain', () => r())), done]);
      if (failure) throw failure;
    },
    async finish() {
      if (format === 'binary' && !failure) stream.write(BINARY_TRAILER);
      stream.end();
      await done;
    },
    async abort(err) {
      (stream as unknown as { destroy(e: unknown): void }).destroy(err);
      await done.catch(() => {});
    },
  };
}

/**
 * Rows per COPY statement into a table whose trigger checks each statement's new rows at once
 * from its transition table (tickets, sla_ticket_verdicts: migrations 0035 and 0036). A
 * million tickets in one statement cost 10–15 % more than with no check; statements of
 * 100,000 cost about nothing more (docs/PERFORMANCE.md, "Ticket import"). Why the size
 * matters was not measured: both are past `work_mem`.
 */
export const ROWS_PER_CHECKED_COPY = 100_000;

/** A text cell of COPY's CSV: quoted whenever it could read as a delimiter, a line end, or NULL (''). */
export function csvText(v: string | null): string {
  if (v === null) return '';
  return v === '' || /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Any other cell: numbers, booleans and instants as their text; null as NULL. */
export function csvValue(v: number | boolean | Date | null): string {
  if (v === null) return '';
  return v instanceof Date ? v.toISOString() : String(v);
}

/**
 * Rows into a table with one COPY in the transaction, in CSV chunks of `chunk` rows; `cells`
 * gives a row's cells already as CSV text (csvText, csvValue). A failure ends the COPY so
 * the transaction can roll back.
 */
export async function copyRows<T>(tx: Db, table: string, columns: readonly string[], rows: readonly T[], cells: (r: T) => string[], chunk = 5_000): Promise<void> {
  if (!rows.length) return;
  const copy = await copyInto(tx, table, columns);
  try {
    for (let i = 0; i < rows.length; i += chunk) {
      let csv = '';
      for (const r of rows.slice(i, i + chunk)) csv += `${cells(r).join(',')}\n`;
      await copy.write(csv);
    }
    await copy.finish();
  } catch (err) {
    await copy.abort(err);
    throw err;
  }
}

/**
 * Rows into a table with one binary COPY in the transaction (`copy-binary.ts`), `write`
 * putting each row's fields in `columns`' order; sent every `chunk` rows.
 */
export async function copyBinaryRows<T>(tx: Db, table: string, columns: readonly string[], rows: readonly T[], write: (out: BinaryRows, row: T) => void, chunk = 10_000): Promise<void> {
  if (!rows.length) return;
  const copy = await copyInto(tx, table, columns, 'binary');
  try {
    const out = new BinaryRows();
    for (let i = 0; i < rows.length; i++) {
      out.row(columns.length);
      write(out, rows[i]);
      if ((i + 1) % chunk === 0) await copy.write(out.take());
    }
    await copy.write(out.take());
    await copy.finish();
  } catch (err) {
    await copy.abort(err);
    throw err;
  }
}
