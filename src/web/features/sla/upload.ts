import { API_BASE, ApiError, api, setCsrfToken, toQueryString } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { MeT } from '../../api/types.ts';
import type { TicketImportResultT, TicketMappingT } from './types.ts';

export interface UploadQuery {
  format: string;
  timeZone?: string;
  dateOrder?: string;
  strict: boolean;
  fileName: string;
  /** Generic format only. */
  mapping?: TicketMappingT;
}

export interface UploadOptions {
  /** Bytes sent so far and the total, while the file is being uploaded. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole file is at the server; it now reads and measures it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

function toApiError(status: number, text: string): ApiError {
  try {
    const err = (JSON.parse(text) as { error?: Record<string, unknown> }).error;
    if (err && typeof err === 'object') {
      return new ApiError(
        status,
        typeof err.code === 'string' ? err.code : 'unknown',
        typeof err.message === 'string' ? err.message : 'Request failed',
        err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined,
        typeof err.requestId === 'string' ? err.requestId : undefined,
      );
    }
  } catch {
    // not JSON (proxy error page)
  }
  return new ApiError(status, 'unknown', `The server answered ${status}`);
}

function send(url: string, file: File, csrf: string | null, options: UploadOptions): Promise<TicketImportResultT> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total);
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as TicketImportResultT);
        } catch {
          reject(new ApiError(xhr.status, 'unknown', 'The server answered with something that is not an import result.'));
        }
      } else {
        reject(toApiError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Outsight could not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * Upload a ticket export as the raw request body. XMLHttpRequest rather than fetch, because
 * only it reports upload progress; the server streams the body straight into the import.
 */
export async function uploadTickets(engagementId: string, file: File, q: UploadQuery, options: UploadOptions = {}): Promise<TicketImportResultT> {
  const query = toQueryString({
    format: q.format,
    timeZone: q.timeZone,
    dateOrder: q.dateOrder,
    strict: q.strict,
    fileName: q.fileName,
    mapping: q.mapping ? JSON.stringify(q.mapping) : undefined,
  });
  const url = `${API_BASE}/engagements/${encodeURIComponent(engagementId)}/ticket-imports${query}`;
  const csrf = queryClient.getQueryData<MeT | null>(keys.me)?.csrfToken ?? null;
  try {
    return await send(url, file, csrf, options);
  } catch (e) {
    // The session was renewed in another tab: take its token and try once more.
    if (e instanceof ApiError && e.code === 'csrf_failed') {
      const me = await api<MeT>('/auth/me');
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(keys.me, me);
      if (me.csrfToken && me.csrfToken !== csrf) return send(url, file, me.csrfToken, options);
    }
    if (e instanceof ApiError && e.status === 401) void queryClient.invalidateQueries({ queryKey: keys.me });
    throw e;
  }
}
