import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Looks at the first bytes of an upload to tell gzip, xlsx (a zip) and text apart, then
 * hands back a stream that still starts at byte 0. Nothing is buffered beyond one chunk.
 */
export async function openSource(source: AsyncIterable<Buffer | Uint8Array | string>): Promise<{ kind: 'xlsx' | 'text'; stream: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.from(r.value as Buffer);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzipped = Readable.from(replay()).pipe(createGunzip());
    return openSource(gunzipped as AsyncIterable<Buffer>);
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return { kind: isZip ? 'xlsx' : 'text', stream: replay() };
}
