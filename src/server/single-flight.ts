/**
 * Concurrent callers asking for the same key share one computation: fifty requests that
 * miss the SLA cache at the same moment measure the engagement once, not fifty times
 * (issue: SLA reports at enterprise scale). The key is forgotten as soon as the work
 * settles, so a failure is not remembered and the next caller tries again. Per process:
 * across servers the stored inputs (policy version, calendar revision, ticket data
 * version) keep results correct; at worst two servers compute the same thing once each.
 */
export function singleFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const inflight = new Map<string, Promise<T>>();
  return (key, work) => {
    const running = inflight.get(key);
    if (running) return running;
    const started = work().finally(() => inflight.delete(key));
    inflight.set(key, started);
    return started;
  };
}
