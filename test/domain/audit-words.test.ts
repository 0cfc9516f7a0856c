import { describe, expect, it } from 'vitest';
import { actionInWords, fieldInWords, verbInWords } from '../../src/shared/audit-words.ts';

describe('the audit trail in words', () => {
  it('says actions as people would', () => {
    expect(actionInWords('vendor.create')).toBe('created vendor');
    expect(actionInWords('sla_policy.save')).toBe('saved SLA policy');
    expect(actionInWords('assessment.review')).toBe('reviewed an answer of assessment');
    expect(verbInWords('token.revoke')).toBe('withdrew');
    // A code nobody described yet still reads, without underscores.
    expect(actionInWords('exit_plan.frobnicate')).toBe('frobnicate exit plan');
  });
  it('names fields in words, not code', () => {
    expect(fieldInWords('internalOwnerId')).toBe('internal owner');
    expect(fieldInWords('contactTimeZone')).toBe('contact time zone');
    expect(fieldInWords('updatedAt')).toBe('updated');
    expect(fieldInWords('tier')).toBe('tier');
  });
});
