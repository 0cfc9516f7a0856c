/**
 * The one error vocabulary of Outsight. Every failure the API reports carries one of
 * these codes; the HTTP status follows from the code (see ERROR_STATUS), so clients can
 * branch on `code` and never on message text.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  import_rejected: 422,
  /** An upload whose container (gzip, XLSX/ZIP) is cut off or corrupt: the file, not its rows. */
  file_damaged: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  /** The database does not answer (gone, unreachable, too slow): try again shortly; the server itself is up. */
  database_unavailable: 503,
  /** The server's disk for uploaded files is full: nothing was stored. */
  storage_full: 507,
  /** A vendor's upload quota is used up. */
  quota_exceeded: 413,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: `path` names the field ("email", "tags.2"), `row` the CSV line. */
export interface FieldIssue {
  path: string;
  message: string;
  row?: number;
  value?: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { issues?: FieldIssue[] } & Record<string, unknown>;
    requestId?: string;
  };
}
