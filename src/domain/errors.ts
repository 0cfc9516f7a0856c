import type { ErrorCode, FieldIssue } from '../shared/errors.ts';

/**
 * What a pure rule throws when its input cannot be used: a code from the one error
 * vocabulary (src/shared/errors.ts) and words for a person. Domain code knows nothing of
 * HTTP; the server answers a DomainError exactly like an AppError, the CLI prints it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[] } & Record<string, unknown>,
  ) {
    super(message);
  }

  static invalid(path: string, message: string) {
    return new DomainError('validation_failed', message, { issues: [{ path, message }] });
  }
}
