/**
 * Concurrent callers asking for the same key share one computation: fifty requests that
 * miss the SLA cache at the same moment measure the engagement once, not fifty times
 * (issue: SLA reports at enterprise scale). The key is forgotten as soon as the work
 * settles, so a failure is not remembered and the next caller tries again. Per process:
 * across servers the stored inputs (policy version, calendar revision, ticket data
 * version) keep results correct; at worst two servers compute the same thing once each.
 */
export interface SingleFlight<T> {
  (key: string, work: () => Promise<T>): Promise<T>;
  /** Whether some caller's work for this key is running now (a reader may choose not to wait for it). */
  running(key: string): boolean;
}

export function singleFlight<T>(): SingleFlight<T> {
  const inflight = new Map<string, Promise<T>>();
  const once = (key: string, work: () => Promise<T>) => {
    const running = inflight.get(key);
    if (running) return running;
    const started = work().finally(() => inflight.delete(key));
    inflight.set(key, started);
    return started;
  };
  return Object.assign(once, { running: (key: string) => inflight.has(key) });
}
