/**
 * Rows in PostgreSQL's binary COPY format, for the largest loads: the first import of a
 * ticket export and an engagement's SLA verdicts. PostgreSQL reads them without parsing
 * text: a million tickets' rows went in in 5.9 s against 8.8–9.4 s as CSV, the time going
 * to turning ISO instants and uuids back into values (docs/PERFORMANCE.md, "Ticket import"),
 * and no number or instant is turned into text here first. `copyInto(…, 'binary')` adds
 * the format's header and trailer; this makes the rows between them.
 *
 * Each field is its length (int32, -1 for NULL) and its bytes in the type's binary form:
 * text as UTF-8, uuid as 16 bytes, timestamptz as int64 microseconds since 2000-01-01 UTC,
 * boolean as one byte, integer as int32, double precision as IEEE 754, all big-endian, and
 * jsonb as a version byte (1) and the JSON text.
 */
export const BINARY_HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
const CHUNK = 1 << 18;

/** A uuid's 16 bytes, as a field (its length first), for a value every row repeats. */
export function uuidField(id: string): Buffer {
  const b = Buffer.allocUnsafe(20);
  b.writeInt32BE(16, 0);
  writeUuid(id, b, 4);
  return b;
}

/** A jsonb value as a field, for a value every row repeats. */
export function jsonbField(json: string): Buffer {
  const text = Buffer.from(json, 'utf8');
  const head = Buffer.allocUnsafe(5);
  head.writeInt32BE(text.length + 1, 0);
  head[4] = 1;
  return Buffer.concat([head, text]);
}

/** Where each byte's two hex digits start in a uuid's text. */
const UUID_PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** A hex digit's value, or -1. */
function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Writes a uuid given as text (8-4-4-4-12 hex digits, either case) as its 16 bytes at `at`. */
function writeUuid(id: string, buf: Buffer, at: number): void {
  if (id.length !== 36 || id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45 || id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45) throw new Error(`not a uuid: ${id}`);
  for (const i of UUID_PAIRS) {
    const h = hex(id.charCodeAt(i));
    const l = hex(id.charCodeAt(i + 1));
    if (h < 0 || l < 0) throw new Error(`not a uuid: ${id}`);
    buf[at++] = (h << 4) | l;
  }
}

/**
 * Appends rows field by field; take() hands over what was written and starts afresh.
 * Numbers go through a DataView (Buffer's writeInt32BE and kin check their arguments on
 * every call: a verdict row has twenty-six fields).
 */
export class BinaryRows {
  private buf: Buffer = Buffer.allocUnsafe(CHUNK);
  private view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.use(grown);
  }

  private use(b: Buffer): void {
    this.buf = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.length);
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.room(2);
    this.view.setInt16(this.at, fields);
    this.at += 2;
  }

  /** A field made once (uuidField, jsonbField): copied as it is. */
  field(bytes: Buffer): void {
    this.room(bytes.length);
    this.at += bytes.copy(this.buf, this.at);
  }

  text(s: string | null): void {
    if (s === null) return this.null();
    // A UTF-16 unit takes at most three bytes in UTF-8.
    this.room(4 + 3 * s.length);
    const n = this.buf.write(s, this.at + 4, 'utf8');
    this.view.setInt32(this.at, n);
    this.at += 4 + n;
  }

  /** A jsonb value from its JSON text (version 1 of jsonb's binary input: the text itself). */
  jsonb(json: string | null): void {
    if (json === null) return this.null();
    this.room(5 + 3 * json.length);
    const n = this.buf.write(json, this.at + 5, 'utf8');
    this.view.setInt32(this.at, n + 1);
    this.buf[this.at + 4] = 1;
    this.at += 5 + n;
  }

  /** A uuid given as text (8-4-4-4-12 hex digits, either case). */
  uuid(id: string | null): void {
    if (id === null) return this.null();
    this.room(20);
    writeUuid(id, this.buf, this.at + 4);
    this.view.setInt32(this.at, 16);
    this.at += 20;
  }

  /** An instant in epoch milliseconds as timestamptz. */
  instant(ms: number | null): void {
    if (ms === null) return this.null();
    this.int64(Math.round((ms - PG_EPOCH_MS) * 1000));
  }

  /** A calendar date given as YYYY-MM-DD (days from 2000-01-01). */
  date(iso: string | null): void {
    if (iso === null) return this.null();
    // setUTCFullYear, not Date.UTC, which takes years 0-99 as 1900-1999.
    const ms = new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    // A day that does not exist (30 February) rolls over: refused, as PostgreSQL would.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) throw new RangeError(`"${iso}" is not a date as YYYY-MM-DD`);
    this.room(8);
    this.view.setInt32(this.at, 4);
    this.view.setInt32(this.at + 4, Math.round((ms - PG_EPOCH_MS) / 86_400_000));
    this.at += 8;
  }

  bool(x: boolean | null): void {
    if (x === null) return this.null();
    this.room(5);
    this.view.setInt32(this.at, 1);
    this.buf[this.at + 4] = x ? 1 : 0;
    this.at += 5;
  }

  int4(n: number | null): void {
    if (n === null) return this.null();
    this.room(8);
    this.view.setInt32(this.at, 4);
    this.view.setInt32(this.at + 4, n);
    this.at += 8;
  }

  /** A bigint column from a safe integer (money in minor units, thousandths). */
  int8(n: number | null): void {
    if (n === null) return this.null();
    if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number a bigint column can take exactly`);
    this.int64(n);
  }

  /** An 8-byte field of a whole number (a bigint, a timestamptz's microseconds), big-endian in two words. */
  private int64(n: number): void {
    const hi = Math.floor(n / TWO_32);
    this.room(12);
    const v = this.view;
    v.setInt32(this.at, 8);
    v.setInt32(this.at + 4, hi);
    v.setUint32(this.at + 8, n - hi * TWO_32);
    this.at += 12;
  }

  float8(x: number | null): void {
    if (x === null) return this.null();
    this.room(12);
    this.view.setInt32(this.at, 8);
    this.view.setFloat64(this.at + 4, x);
    this.at += 12;
  }

  null(): void {
    this.room(4);
    this.view.setInt32(this.at, -1);
    this.at += 4;
  }

  /** The rows written since the last take(); the buffer is theirs (a COPY stream may still hold it). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    // The next rows are likely as many: room for them without growing on the way.
    this.use(Buffer.allocUnsafe(Math.max(CHUNK, this.at + (this.at >> 3))));
    this.at = 0;
    return out;
  }
}
