import { uploadFile, type UploadOptions as RawUploadOptions } from '../../api/upload.ts';
import type { TicketImportDoneT, TicketMappingT } from './types.ts';

export interface UploadQuery {
  format: string;
  timeZone?: string;
  dateOrder?: string;
  strict: boolean;
  fileName: string;
  /** Generic format only. */
  mapping?: TicketMappingT;
  /** A random UUID under which the server tells how far the import is (useImportProgress). */
  progressKey?: string;
}

export type UploadOptions = Pick<RawUploadOptions, 'onProgress' | 'onUploaded' | 'signal'>;

/** Upload a ticket export as the raw request body; the server streams it straight into the import. */
export function uploadTickets(engagementId: string, file: File, q: UploadQuery, options: UploadOptions = {}): Promise<TicketImportDoneT> {
  return uploadFile<TicketImportDoneT>(`/engagements/${encodeURIComponent(engagementId)}/ticket-imports`, file, {
    ...options,
    query: {
      format: q.format,
      timeZone: q.timeZone,
      dateOrder: q.dateOrder,
      strict: q.strict,
      fileName: q.fileName,
      mapping: q.mapping ? JSON.stringify(q.mapping) : undefined,
      progressKey: q.progressKey,
    },
  });
}
