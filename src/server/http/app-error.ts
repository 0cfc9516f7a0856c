import { DomainError } from '../../domain/errors.ts';
import { ERROR_STATUS } from '../../shared/errors.ts';

/**
 * The one error type services throw; the error handler turns it into the API's error
 * JSON. It is a DomainError, so pure rules and services are answered alike.
 */
export class AppError extends DomainError {
  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what = 'The object') {
    return new AppError('not_found', `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.') {
    return new AppError('forbidden', message);
  }

  static override invalid(path: string, message: string) {
    return new AppError('validation_failed', message, { issues: [{ path, message }] });
  }
}
