import { describe, expect, it } from 'vitest';
import { madeSlaAgreement } from '../../bench/uci-made-sla.ts';

// Recorded, not asserted: ServiceNow's targets behind `made_sla` are unknown, so the
// agreement is printed (and kept in docs/PERFORMANCE.md), while the test checks only
// that every incident was either measured or reported as unmeasurable.
describe('UCI log: engine verdict vs ServiceNow made_sla', () => {
  it('measures every incident under each documented policy and reports the agreement', async () => {
    const results = await madeSlaAgreement();
    for (const r of results) {
      console.log(`made_sla agreement ${(r.share * 100).toFixed(1)} % (${r.agree}/${r.measured}, ${r.problems} unmeasurable) — ${r.policy}`);
      expect(r.incidents).toBe(24_918);
      expect(r.measured + r.problems).toBe(24_918);
      expect(r.agree + r.engineStricter + r.engineLaxer).toBe(r.measured);
    }
  });
});
