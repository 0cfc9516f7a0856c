import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api/client.ts';

export interface Issue {
  path: string;
  message: string;
}

export interface GeneralError {
  message: string;
  /** Problems the form has no field for; listed under the message. */
  issues: Issue[];
  requestId?: string;
}

/**
 * Field errors for a form, filled from the API's `details.issues` (or from the same
 * zod schema on the client). `fields` names the inputs the form shows; an issue for
 * `tags.2` lands on `tags`, and one for a field the form lacks lands in the general alert.
 */
export function useFormErrors(fields: readonly string[]) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<GeneralError | null>(null);
  const known = useMemo(() => new Set(fields), [fields]);

  const fieldFor = useCallback(
    (path: string): string | null => {
      const parts = path.split('.');
      while (parts.length > 0) {
        const candidate = parts.join('.');
        if (known.has(candidate)) return candidate;
        parts.pop();
      }
      return null;
    },
    [known],
  );

  const show = useCallback(
    (message: string, issues: Issue[], requestId?: string) => {
      const byField: Record<string, string> = {};
      const rest: Issue[] = [];
      for (const issue of issues) {
        const field = fieldFor(issue.path);
        if (field) byField[field] ??= issue.message;
        else rest.push(issue);
      }
      setFieldErrors(byField);
      setGeneral({ message, issues: rest, requestId });
    },
    [fieldFor],
  );

  /** Show whatever a failed request threw. */
  const fromError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) show(error.message, error.issues, error.requestId);
      else show(errorMessage(error), []);
    },
    [show],
  );

  /**
   * Validate `value` with `schema` before sending; returns the parsed value or null.
   * `messages` replaces the schema's wording for a path (e.g. a missing choice).
   */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, value: unknown, messages: Record<string, string> = {}): z.infer<S> | null => {
      const result = schema.safeParse(value);
      if (result.success) {
        setFieldErrors({});
        setGeneral(null);
        return result.data;
      }
      show(
        'Some fields need your attention.',
        result.error.issues.map((i) => {
          const path = i.path.map(String).join('.');
          return { path, message: messages[path] ?? i.message };
        }),
      );
      return null;
    },
    [show],
  );

  const clearField = useCallback((field: string) => {
    setFieldErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setFieldErrors({});
    setGeneral(null);
  }, []);

  return { errors: fieldErrors, general, fromError, validate, clearField, reset };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/** '' → null, so optional text fields are cleared rather than stored as empty strings. */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
