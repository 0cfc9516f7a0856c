import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable, type Writable } from 'node:stream';
import { AppError } from '../../http/app-error.ts';

/**
 * Evidence files on disk. A file is stored as <filesDir>/<orgId>/<random uuid>: the
 * uploader's file name never reaches the file system, and the folder is never served.
 * The type is decided from the content, not from the name or the browser's claim.
 */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
};

const UUID = /^[0-9a-f-]{36}$/;

/**
 * The one place files are written, as a seam: tests put a writer here that fails like a
 * full disk (ENOSPC), which no test machine should be made to be.
 */
export const storageWriter = { create: (file: string) => createWriteStream(file, { mode: 0o600 }) as Writable };

/** A full disk or an exhausted quota of the file system: what the person can do, not a 500. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
export const storageFull = () =>
  new AppError('storage_full', 'The server has no room left to store files, so nothing was stored. Tell your administrator to free disk space where Outsight keeps files (OUTSIGHT_FILES_DIR), then try again.');

function fileOf(filesDir: string, orgId: string, key: string): string {
  if (!UUID.test(orgId) || !UUID.test(key)) throw new Error('invalid storage key');
  return path.join(filesDir, orgId, key);
}

/** A display name: the last path segment, no control characters; refused when absurd. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // Control characters (C0 and DEL) would corrupt headers and logs.
  // eslint-disable-next-line no-control-regex
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name === '.' || name === '..') throw AppError.invalid('file', 'The file has no usable name.');
  if (name.length > 255) throw AppError.invalid('file', 'The file name is longer than 255 characters.');
  return name;
}

/**
 * A document of one of `types` (decided from the content): the size cap checked on the
 * declared length first, then as bytes arrive; any other type refused with `refusal`, and
 * nothing left behind. Contract documents and invoice PDFs are taken this way.
 */
export async function storeDocument(filesDir: string, orgId: string, file: { stream: Readable; declaredBytes: number | null }, maxBytes: number, types: ReadonlySet<string>, refusal: string) {
  if (file.declaredBytes !== null && file.declaredBytes > maxBytes) {
    file.stream.resume();
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
  const stored = await storeUpload(filesDir, orgId, file.stream, maxBytes).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'unsupported_media_type' ? new AppError('unsupported_media_type', refusal) : err;
  });
  if (!types.has(stored.contentType)) {
    await removeStored(filesDir, orgId, stored.storageKey);
    throw new AppError('unsupported_media_type', refusal);
  }
  return stored;
}

/**
 * Streams an upload to a temporary file, enforcing the size cap as bytes arrive, then
 * checks the content type and moves it into place. Nothing is left behind on failure.
 */
export async function storeUpload(filesDir: string, orgId: string, stream: Readable, maxBytes: number) {
  const key = randomUUID();
  const dir = path.join(filesDir, orgId);
  await mkdir(dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
    throw isDiskFull(err) ? storageFull() : err;
  });
  const tmp = path.join(dir, `${key}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, storageWriter.create(tmp));
    if ((stream as { truncated?: boolean }).truncated) throw new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    if (size === 0) throw AppError.invalid('file', 'The file is empty.');
    const { fileTypeFromFile } = await import('file-type');
    const type = await fileTypeFromFile(tmp);
    if (!type || !ALLOWED_TYPES[type.mime]) {
      throw new AppError('unsupported_media_type', `Evidence must be a PDF, an image or an Office document; this file's content is ${type ? type.mime : 'not a recognised document'}.`);
    }
    await rename(tmp, fileOf(filesDir, orgId, key));
    return { storageKey: key, contentType: type.mime, sizeBytes: size, sha256: hash.digest('hex') };
  } catch (err) {
    await rm(tmp, { force: true });
    if (isDiskFull(err)) {
      stream.resume(); // drain the rest, so the client reads our answer
      throw storageFull();
    }
    throw err;
  }
}

export async function openStored(filesDir: string, orgId: string, key: string): Promise<{ stream: Readable; size: number }> {
  const file = fileOf(filesDir, orgId, key);
  const s = await stat(file).catch(() => null);
  if (!s) throw AppError.notFound('The file');
  return { stream: createReadStream(file), size: s.size };
}

export async function removeStored(filesDir: string, orgId: string, key: string) {
  await rm(fileOf(filesDir, orgId, key), { force: true });
}

/** Content-Disposition for a download: always an attachment, the name quoted safely. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
