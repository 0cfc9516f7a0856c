import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMs, businessReading, compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { addBusinessMs, instantAtReading, instantAtReadingFrom } from '../../../src/domain/sla/calendar-queries.ts';
import { DAY, YEAR_FROM, YEAR_TO, calendarSpec, instantNear } from './arbitraries.ts';
import { MIN, referenceSpans, spanAdd, spanMs } from './reference.ts';

describe('calendar engine vs minute-by-minute reference', () => {
  it('businessMs is identical for random calendars, zones, holidays and intervals', () => {
    fc.assert(
      fc.property(
        calendarSpec.chain((spec) => fc.tuple(fc.constant(spec), instantNear(spec.timeZone), fc.integer({ min: 0, max: 4 * 24 * 60 }))),
        ([spec, a, lenMin]) => {
          const b = a + lenMin * MIN;
          const cal = compileCalendar(spec);
          const spans = referenceSpans(spec, a, b);
          expect(businessMs(cal, a, b)).toBe(spanMs(spans, a, b));
          // Every sub-interval too: prefix sums must be exact at any cut.
          const mid = a + Math.floor(lenMin / 3) * MIN;
          expect(businessMs(cal, a, mid) + businessMs(cal, mid, b)).toBe(spanMs(spans, a, b));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('addBusinessMs is the earliest instant with that much business time elapsed', () => {
    fc.assert(
      fc.property(
        calendarSpec.chain((spec) => fc.tuple(fc.constant(spec), instantNear(spec.timeZone), fc.integer({ min: 0, max: 30 * 60 }))),
        ([spec, a, amountMin]) => {
          const ms = amountMin * MIN;
          const cal = compileCalendar(spec);
          const horizon = a + 5 * DAY;
          // Spans touching [a, horizon) are complete; later ones may be cut by the walk.
          const expected = spanAdd(referenceSpans(spec, a, horizon), a, ms);
          const got = addBusinessMs(cal, a, ms);
          if (expected !== null && expected <= horizon) expect(got).toBe(expected);
          else expect(got).toBeGreaterThan(horizon);
          if (Number.isFinite(got)) expect(businessMs(cal, a, got)).toBe(ms);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('businessReading (its lookup table) agrees with businessMs, across lazy table growth', () => {
    fc.assert(
      fc.property(
        calendarSpec,
        fc.integer({ min: YEAR_FROM, max: YEAR_TO - 40 * DAY }),
        fc.array(fc.integer({ min: 0, max: 30 * DAY }), { minLength: 2, maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 * DAY }),
        (spec, base, offsets, narrow, ms) => {
          // A narrow explicit range makes most instants grow the table (and its origin shift).
          const cal = narrow ? compileCalendar(spec, { fromMs: base + 10 * DAY, toMs: base + 12 * DAY }) : compileCalendar(spec);
          const instants = offsets.map((o) => base + o);
          const readings = instants.map((t) => businessReading(cal, t));
          const fresh = compileCalendar(spec);
          for (let i = 0; i < instants.length; i++) {
            for (let j = 0; j < instants.length; j++) {
              if (instants[j] < instants[i]) continue;
              // Readings taken before a growth stay comparable with those taken after.
              expect(readings[j] - readings[i]).toBe(businessMs(fresh, instants[i], instants[j]));
            }
            const r = businessReading(cal, instants[i]);
            expect(r).toBe(readings[i]);
            expect(instantAtReadingFrom(cal, instants[i], r + ms)).toBe(instantAtReading(cal, r + ms));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('businessMs is additive and bounded by elapsed time (sub-minute instants)', () => {
    fc.assert(
      fc.property(
        calendarSpec,
        fc.integer({ min: YEAR_FROM, max: YEAR_TO - 20 * DAY }),
        fc.integer({ min: 0, max: 9 * DAY }),
        fc.integer({ min: 0, max: 9 * DAY }),
        (spec, a, x, y) => {
          const cal = compileCalendar(spec);
          const b = a + x;
          const c = b + y;
          const ab = businessMs(cal, a, b);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(x);
          expect(businessMs(cal, a, c)).toBe(ab + businessMs(cal, b, c));
          expect(businessMs(cal, c, a)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
