import {
  API_BASE,
  ApiError,
  NETWORK_ERROR_MESSAGE,
  apiErrorFrom,
  currentCsrfToken,
  refreshCsrfToken,
  reportUnauthenticated,
  toQueryString,
  type QueryValue,
} from './client.ts';

export interface UploadOptions {
  /** Metadata travels in the query; the body is the file itself. */
  query?: Record<string, QueryValue>;
  /** Defaults to application/octet-stream: the server sniffs the real type from the bytes. */
  contentType?: string;
  /** Bytes sent so far and the total, while the body is being sent. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole body is at the server; it now reads (and perhaps measures) it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

function send<T>(url: string, body: Blob | string, csrf: string | null, options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', options.contentType ?? 'application/octet-stream');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total);
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        if (xhr.status === 204 || !xhr.responseText) {
          resolve(undefined as T);
          return;
        }
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'unknown', 'The server answered with something Outsight could not read.'));
        }
      } else {
        reject(apiErrorFrom(xhr.status, xhr.statusText, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_ERROR_MESSAGE));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * POST a file as the raw request body — the one client for every upload (ticket exports,
 * evidence, the portal's files). XMLHttpRequest rather than fetch because only it reports
 * upload progress. Errors are the API's own (`ApiError`, mapped exactly like `api()`), a
 * renewed session's CSRF token is fetched and the upload retried once, and a 401 sends the
 * person to sign-in like any other request.
 */
export async function uploadFile<T>(path: string, body: Blob | string, options: UploadOptions = {}): Promise<T> {
  const url = `${API_BASE}${path}${toQueryString(options.query ?? {})}`;
  try {
    return await send<T>(url, body, currentCsrfToken(), options);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'csrf_failed' && (await refreshCsrfToken())) {
      return send<T>(url, body, currentCsrfToken(), options);
    }
    if (e instanceof ApiError && e.status === 401) reportUnauthenticated();
    throw e;
  }
}
