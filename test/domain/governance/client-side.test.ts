import { describe, expect, it } from 'vitest';
import { attendance, attendanceInWords, decisionSpeed, median, speedInWords, vendorQuestions } from '../../../src/domain/governance/client-side.ts';

const DAY = 86_400_000;
const at = (d: string) => Date.parse(`${d}T09:00:00Z`);

describe("the client's decision speed", () => {
  it('median and worst of the decided, in days to one decimal; the undecided counted apart with their wait so far', () => {
    const s = decisionSpeed(
      [
        { atMs: at('2026-02-02'), decidedAtMs: at('2026-02-04') }, // 2 days
        { atMs: at('2026-02-10'), decidedAtMs: at('2026-02-22') }, // 12 days
        { atMs: at('2026-03-02'), decidedAtMs: at('2026-03-05') }, // 3 days
        { atMs: at('2026-03-09'), decidedAtMs: at('2026-03-09') + DAY / 2 }, // half a day
        { atMs: at('2026-03-16'), decidedAtMs: null }, // waiting since
      ],
      at('2026-03-20'),
    );
    expect(s).toEqual({ decided: 4, medianDays: 2.5, worstDays: 12, waiting: 1, longestWaitingDays: 4 });
    expect(speedInWords(s, 'deliverable handed in')).toBe('4 decided in 2.5 days on median (worst 12 days); 1 still waiting, the oldest for 4 days');
  });

  it('nothing handed in is "not measured", never 0 days; only undecided ones say so too', () => {
    const none = decisionSpeed([], at('2026-03-20'));
    expect([none.medianDays, none.worstDays]).toEqual([null, null]);
    expect(speedInWords(none, 'change request proposed')).toBe('Not measured: no change request proposed in the period');
    const open = decisionSpeed([{ atMs: at('2026-03-01'), decidedAtMs: null }], at('2026-03-20'));
    expect(speedInWords(open, 'change request proposed')).toBe('Not measured: none decided yet; 1 still waiting, the oldest for 19 days');
  });

  it('the median of an odd count is the middle one', () => {
    expect(median([1, 3, 10])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe("the client's meeting attendance", () => {
  it('shares the held meetings with someone of the client and counts the dates of the cadence not held', () => {
    const a = attendance([{ sides: ['client', 'vendor'] }, { sides: ['vendor'] }, { sides: ['vendor', 'client'] }, { sides: [] }], { expected: 6, skipped: 1, missed: 1 });
    expect(a).toEqual({ held: 4, withClient: 2, share: 0.5, due: 6, skipped: 1, missed: 1 });
    expect(attendanceInWords(a)).toBe('Our side attended 2 of 4 meetings held (50 %); 2 of 6 due by the cadence not held (1 skipped, 1 with nothing recorded)');
  });

  it('no meeting held and no cadence: not measured', () => {
    const a = attendance([], null);
    expect([a.share, a.due]).toEqual([null, null]);
    expect(attendanceInWords(a)).toBe('Not measured: no meeting held in the period');
  });
});

describe("the vendor's clarification questions and the client's answers", () => {
  const h = (d: string, hh: number) => Date.parse(`${d}T${String(hh).padStart(2, '0')}:00:00Z`);
  it('a run of vendor messages is one question, answered by the next client message in the same thread', () => {
    const q = vendorQuestions(
      [
        // Thread A: the client asks first (no wait for the client), the vendor answers, then asks twice, the client answers 2 days after the first.
        { thread: 'A', side: 'client', atMs: h('2026-02-02', 9) },
        { thread: 'A', side: 'vendor', atMs: h('2026-02-03', 9) },
        { thread: 'A', side: 'client', atMs: h('2026-02-03', 21) },
        { thread: 'A', side: 'vendor', atMs: h('2026-02-10', 9) },
        { thread: 'A', side: 'vendor', atMs: h('2026-02-11', 9) },
        { thread: 'A', side: 'client', atMs: h('2026-02-12', 9) },
        // Thread B: a client message in another thread does not answer it; still waiting.
        { thread: 'B', side: 'vendor', atMs: h('2026-02-05', 9) },
      ],
      () => null,
    );
    expect(q).toEqual([
      { atMs: h('2026-02-03', 9), decidedAtMs: h('2026-02-03', 21) },
      { atMs: h('2026-02-10', 9), decidedAtMs: h('2026-02-12', 9) },
      { atMs: h('2026-02-05', 9), decidedAtMs: null },
    ]);
    const s = decisionSpeed(q, h('2026-02-15', 9));
    expect(s).toEqual({ decided: 2, medianDays: 1.3, worstDays: 2, waiting: 1, longestWaitingDays: 10 });
    expect(speedInWords(s, 'question asked by the vendor', 'answered')).toBe('2 answered in 1.3 days on median (worst 2 days); 1 still waiting, the oldest for 10 days');
  });

  it('closing the questionnaire answers what was asked before it, not what the vendor writes after', () => {
    const closed = h('2026-03-04', 9);
    const q = vendorQuestions(
      [
        { thread: 'C', side: 'vendor', atMs: h('2026-03-01', 9) },
        { thread: 'C', side: 'client', atMs: h('2026-03-09', 9) }, // later than the close: the close answered it
        { thread: 'C', side: 'vendor', atMs: h('2026-03-10', 9) }, // after the close: waits for a reply
      ],
      (t) => (t === 'C' ? closed : null),
    );
    expect(q).toEqual([
      { atMs: h('2026-03-01', 9), decidedAtMs: closed },
      { atMs: h('2026-03-10', 9), decidedAtMs: null },
    ]);
  });
});
