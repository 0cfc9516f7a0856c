import pino from 'pino';

/** Builders and seeds log nothing of their own; the services they call still may warn through it. */
export const silentLog = pino({ level: 'silent' });
