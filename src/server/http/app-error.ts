import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../shared/errors.ts';

/** The one error type services throw; the error handler turns it into the API's error JSON. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[] } & Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what = 'The object') {
    return new AppError('not_found', `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.') {
    return new AppError('forbidden', message);
  }

  static invalid(path: string, message: string) {
    return new AppError('validation_failed', message, { issues: [{ path, message }] });
  }
}
