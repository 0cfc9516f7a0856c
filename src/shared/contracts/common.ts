import { z } from 'zod';

/** Ids are UUIDs; anything else is "not found", never a database error. */
export const Id = z.uuid();
export const IdParams = z.object({ id: z.string() });

/** Trimmed text with an upper bound, so no field can carry megabytes. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** A calendar date as YYYY-MM-DD, the only date format the API accepts. */
export const IsoDate = z.iso.date({ message: 'Expected a date as YYYY-MM-DD' });

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
