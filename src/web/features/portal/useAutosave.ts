import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import { errorMessage } from '../../api/client.ts';

export type SaveState = { status: 'waiting' | 'saving' | 'saved' } | { status: 'error'; message: string };

interface Options<R> {
  save: (questionId: string, value: AnswerValue) => Promise<R>;
  onSaved: (questionId: string, value: AnswerValue, result: R) => void;
  /** Checked when a save is due: a question hidden meanwhile is not saved (the server would refuse it). */
  shouldSave: (questionId: string) => boolean;
}

/**
 * Debounced autosave, one queue per question: at most one request in flight per
 * question, and only the latest value is sent after it. `flush` sends everything due
 * now and resolves when the server has answered all of it.
 */
export function useAutosave<R>(options: Options<R>) {
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<string, AnswerValue>());
  const inflight = useRef(new Map<string, Promise<void>>());
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const mark = useCallback((id: string, s: SaveState | null) => {
    setStates((prev) => {
      const next = { ...prev };
      if (s) next[id] = s;
      else delete next[id];
      return next;
    });
  }, []);

  const run = useCallback(
    (id: string): Promise<void> => {
      const busy = inflight.current.get(id);
      if (busy) return busy;
      if (!pending.current.has(id)) return Promise.resolve();
      const value = pending.current.get(id)!;
      pending.current.delete(id);
      if (!opts.current.shouldSave(id)) {
        mark(id, null);
        return Promise.resolve();
      }
      mark(id, { status: 'saving' });
      const p = opts.current
        .save(id, value)
        .then(
          (result) => {
            opts.current.onSaved(id, value, result);
            if (!pending.current.has(id)) mark(id, { status: 'saved' });
          },
          (e: unknown) => mark(id, { status: 'error', message: errorMessage(e) }),
        )
        .finally(() => {
          inflight.current.delete(id);
          // Changed while the request was out: send the newer value now unless its timer will.
          if (pending.current.has(id) && !timers.current.has(id)) void run(id);
        });
      inflight.current.set(id, p);
      return p;
    },
    [mark],
  );

  const schedule = useCallback(
    (id: string, value: AnswerValue, delayMs: number) => {
      pending.current.set(id, value);
      const t = timers.current.get(id);
      if (t) clearTimeout(t);
      mark(id, { status: 'waiting' });
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          void run(id);
        }, delayMs),
      );
    },
    [mark, run],
  );

  /** Send a question's waiting value now (on blur). */
  const flushOne = useCallback(
    (id: string) => {
      const t = timers.current.get(id);
      if (!t) return inflight.current.get(id) ?? Promise.resolve();
      clearTimeout(t);
      timers.current.delete(id);
      return run(id);
    },
    [run],
  );

  const flush = useCallback(async () => {
    for (const [id, t] of [...timers.current]) {
      clearTimeout(t);
      timers.current.delete(id);
      void run(id);
    }
    while (inflight.current.size > 0 || pending.current.size > 0) {
      for (const id of pending.current.keys()) if (!inflight.current.has(id)) void run(id);
      await Promise.all([...inflight.current.values()]);
    }
  }, [run]);

  // Leaving the page sends what is waiting (the request outlives the component).
  useEffect(() => {
    const t = timers.current;
    const waiting = pending.current;
    return () => {
      for (const [id, timer] of [...t]) {
        clearTimeout(timer);
        t.delete(id);
        const value = waiting.get(id);
        if (value !== undefined && opts.current.shouldSave(id)) void opts.current.save(id, value).catch(() => {});
      }
    };
  }, []);

  const values = Object.values(states);
  const summary: 'idle' | 'saving' | 'saved' | 'error' = values.some((s) => s.status === 'error')
    ? 'error'
    : values.some((s) => s.status === 'saving' || s.status === 'waiting')
      ? 'saving'
      : values.length > 0
        ? 'saved'
        : 'idle';

  return { states, schedule, flush, flushOne, summary };
}
