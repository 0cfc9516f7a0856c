import { z } from 'zod';

/** Ids are UUIDs; anything else is "not found", never a database error. */
export const Id = z.uuid();
export const IdParams = z.object({ id: z.string() });

/** PostgreSQL text cannot hold U+0000; a NUL in any field is the caller's mistake, never a 500. */
export const NUL_MESSAGE = 'Must not contain a NUL character (U+0000).';
export const hasNoNul = (s: string) => !s.includes('\u0000');

/** Trimmed text with an upper bound, so no field can carry megabytes; no NUL characters. */
export const text = (max: number) => z.string().trim().max(max).refine(hasNoNul, NUL_MESSAGE);
export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max).refine(hasNoNul, NUL_MESSAGE);
/** A free-text query parameter (search, filters): bounded, no NUL characters. */
export const queryText = (max = 200) => z.string().max(max).refine(hasNoNul, NUL_MESSAGE);

/**
 * Years the API accepts in dates: four digits from 1000. Year 0000 does not exist in
 * PostgreSQL's calendar (1 BC is followed by AD 1), and no contract, certificate or ticket
 * of this product is dated before 1000.
 */
export const MIN_YEAR = 1000;
const plausibleYear = (v: string) => Number(v.slice(0, 4)) >= MIN_YEAR;
const YEAR_MESSAGE = `The year must be between ${MIN_YEAR} and 9999.`;

/** A calendar date as YYYY-MM-DD, the only date format the API accepts. */
export const IsoDate = z.iso.date({ message: 'Expected a date as YYYY-MM-DD' }).refine(plausibleYear, YEAR_MESSAGE);
/** An instant with its offset (2026-03-01T09:00:00Z). */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine(plausibleYear, YEAR_MESSAGE);
/** A month as YYYY-MM. */
export const IsoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected YYYY-MM')
  .refine(plausibleYear, YEAR_MESSAGE);

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OkResponse = z.object({ ok: z.literal(true) });

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
