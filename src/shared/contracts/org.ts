import { z } from 'zod';
import { requiredText } from './common.ts';

/** The caller's organisation: the tenant every other object belongs to. */
export const Org = z.object({ id: z.string(), name: z.string() });
export type Org = z.infer<typeof Org>;

export const OrgUpdate = z.object({ name: requiredText(200) }).strict();
