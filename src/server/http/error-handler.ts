import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldIssue } from '../../shared/errors.ts';
import { ERROR_STATUS } from '../../shared/errors.ts';
import { databaseUnavailable, fromDatabaseError } from '../db/errors.ts';
import { DomainError } from '../../domain/errors.ts';

// Fastify's own error codes for requests it refuses before any route code runs.
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'This content type is not accepted here.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'The Content-Length header is wrong.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_TYPE: { code: 'bad_request', message: 'The Content-Type header is empty.' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'bad_request', message: 'The Content-Type header is invalid.' },
};

export function toIssues(error: FastifyError): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const params = v.params as { issue?: { code?: string; keys?: string[] } };
    // Unknown keys (e.g. an attempt to set orgId) are named, so the client knows which.
    const keys = params.issue?.code === 'unrecognized_keys' ? params.issue.keys : undefined;
    return { path: keys?.length ? keys.join(',') : path || '(body)', message: v.message ?? 'Invalid value' };
  });
}

/** `spa`: unknown non-API GETs get the web UI's index.html, so client-side routes load. */
export function registerErrorHandler(app: FastifyInstance, opts: { spa: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (code: ErrorCode, message: string, details?: ErrorBody['error']['details']) =>
      reply.status(ERROR_STATUS[code]).send({ error: { code, message, details, requestId: request.id } } satisfies ErrorBody);

    if (error instanceof DomainError) return send(error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = toIssues(error);
      const where = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      return send('validation_failed', `Some ${where ?? 'input'} fields are invalid.`, { issues });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return send(known.code, known.message);
    const fromDb = fromDatabaseError(error);
    if (fromDb) return send(fromDb.code, fromDb.message, fromDb.details);
    if ((error as { code?: unknown }).code === 'ENOSPC' || (error as { code?: unknown }).code === 'EDQUOT') {
      request.log.error({ err: error }, 'disk full');
      return send('storage_full', 'The server has no room left to store data, so this request was not completed. Tell your administrator to free disk space, then try again.');
    }
    const dbDown = databaseUnavailable(error);
    if (dbDown) {
      request.log.warn({ err: error }, 'database unavailable');
      return send(
        'database_unavailable',
        dbDown === 'timeout'
          ? 'The database took too long to answer. This request was not completed; try again in a minute.'
          : 'The database does not answer right now. This request was not completed; try again in a minute.',
      );
    }
    if (error.statusCode === 429) return send('rate_limited', 'Too many requests. Slow down and try again.');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send('bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send('internal', 'Something went wrong on our side. The request id helps us find it.');
  });

  app.setNotFoundHandler((request, reply) => {
    if (opts.spa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`, requestId: request.id },
    } satisfies ErrorBody);
  });
}
