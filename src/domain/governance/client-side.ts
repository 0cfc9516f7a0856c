/**
 * The client's own side of a relationship, measured (issue 15 §6): how fast it decides what
 * the vendor hands in and proposes, and whether it turns up to its own meetings. Each figure
 * is null ("not measured") when there was nothing to measure — never 0 days or 100 %.
 */
const DAY = 86_400_000;

/** Something the vendor put before the client: when, and when the client decided (null: still waiting). */
export interface Waiting {
  atMs: number;
  decidedAtMs: number | null;
}

export interface DecisionSpeed {
  /** Decided in the period (handed in or proposed in it). */
  decided: number;
  /** Days from handed in to decided, one decimal: the median and the longest; null when none was decided. */
  medianDays: number | null;
  worstDays: number | null;
  /** Still waiting for a decision at `nowMs`, and the longest wait so far in days. */
  waiting: number;
  longestWaitingDays: number | null;
}

const days = (ms: number) => Math.round((Math.max(0, ms) / DAY) * 10) / 10;

/** The median of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function decisionSpeed(items: readonly Waiting[], nowMs: number): DecisionSpeed {
  const took = items.filter((i) => i.decidedAtMs !== null).map((i) => (i.decidedAtMs as number) - i.atMs).sort((a, b) => a - b);
  const open = items.filter((i) => i.decidedAtMs === null).map((i) => nowMs - i.atMs);
  const mid = median(took);
  return {
    decided: took.length,
    medianDays: mid === null ? null : days(mid),
    worstDays: took.length ? days(took[took.length - 1]) : null,
    waiting: open.length,
    longestWaitingDays: open.length ? days(Math.max(...open)) : null,
  };
}

export interface HeldMeeting {
  /** The sides of the people who attended. */
  sides: readonly ('client' | 'vendor')[];
}

export interface Attendance {
  held: number;
  /** Held meetings with at least one person of the client's side. */
  withClient: number;
  /** withClient / held, null when none was held. */
  share: number | null;
  /** Due by the cadences in the period: skipped (recorded with a reason) and missed (nothing recorded); null when no cadence was due. */
  due: number | null;
  skipped: number;
  missed: number;
}

export function attendance(held: readonly HeldMeeting[], cadence: { expected: number; skipped: number; missed: number } | null): Attendance {
  const withClient = held.filter((m) => m.sides.includes('client')).length;
  return {
    held: held.length,
    withClient,
    share: held.length ? withClient / held.length : null,
    due: cadence && cadence.expected ? cadence.expected : null,
    skipped: cadence?.skipped ?? 0,
    missed: cadence?.missed ?? 0,
  };
}

const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const dayWord = (x: number) => `${n(x)} day${x === 1 ? '' : 's'}`;

/** "Decided in 3 days on median (worst 12); 1 still waiting, for 4 days" — or why not measured. */
export function speedInWords(s: DecisionSpeed, what: string, done = 'decided'): string {
  const waiting = s.waiting ? `${s.waiting} still waiting${s.longestWaitingDays !== null ? `, the oldest for ${dayWord(s.longestWaitingDays)}` : ''}` : '';
  if (s.medianDays === null) return waiting ? `Not measured: none ${done} yet; ${waiting}` : `Not measured: no ${what} in the period`;
  return `${s.decided} ${done} in ${dayWord(s.medianDays)} on median (worst ${dayWord(s.worstDays!)})${waiting ? `; ${waiting}` : ''}`;
}

export function attendanceInWords(a: Attendance): string {
  const parts: string[] = [];
  parts.push(a.share === null ? 'Not measured: no meeting held in the period' : `Our side attended ${a.withClient} of ${a.held} meetings held (${Math.round(a.share * 100)} %)`);
  if (a.due !== null) parts.push(a.skipped + a.missed ? `${a.skipped + a.missed} of ${a.due} due by the cadence not held (${a.skipped} skipped, ${a.missed} with nothing recorded)` : `all ${a.due} due by the cadence held`);
  return parts.join('; ');
}

/** One message in a clarification thread with the vendor (a questionnaire's question, or the questionnaire as a whole). */
export interface ThreadMessage {
  /** The questionnaire and question the thread is about; messages of one thread share it. */
  thread: string;
  side: 'client' | 'vendor';
  atMs: number;
}

/**
 * The vendor's clarification questions and when the client answered them. A question is a
 * run of vendor messages in a thread, timed from its first message; it is answered by the
 * client's next message in the same thread, or when the client closes the questionnaire
 * (`closedAtMs` of the thread: completed or cancelled), whichever comes first. A client
 * message that opens a thread asks the vendor, so it starts no wait for the client.
 */
export function vendorQuestions(messages: readonly ThreadMessage[], closedAtMs: (thread: string) => number | null): Waiting[] {
  const byThread = new Map<string, ThreadMessage[]>();
  for (const m of messages) byThread.set(m.thread, [...(byThread.get(m.thread) ?? []), m]);
  const out: Waiting[] = [];
  for (const [thread, list] of byThread) {
    const sorted = [...list].sort((a, b) => a.atMs - b.atMs);
    const closed = closedAtMs(thread);
    // Closing the questionnaire answers a question asked before it, never one asked after.
    const answer = (askedAt: number, replyAt: number | null) => {
      const byClose = closed !== null && closed >= askedAt ? closed : null;
      if (replyAt === null) return byClose;
      return byClose === null ? replyAt : Math.min(replyAt, byClose);
    };
    let askedAt: number | null = null;
    for (const m of sorted) {
      if (m.side === 'vendor') {
        if (askedAt === null) askedAt = m.atMs;
      } else if (askedAt !== null) {
        out.push({ atMs: askedAt, decidedAtMs: answer(askedAt, m.atMs) });
        askedAt = null;
      }
    }
    if (askedAt !== null) out.push({ atMs: askedAt, decidedAtMs: answer(askedAt, null) });
  }
  return out;
}
