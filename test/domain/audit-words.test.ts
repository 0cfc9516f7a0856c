import { describe, expect, it } from 'vitest';
import { actionInWords, fieldInWords, verbInWords, verbOnItsPage } from '../../src/shared/audit-words.ts';

describe('the audit trail in words', () => {
  it('says actions as people would', () => {
    expect(actionInWords('vendor.create')).toBe('created vendor');
    expect(actionInWords('sla_policy.save')).toBe('saved SLA policy');
    expect(actionInWords('assessment.review')).toBe('reviewed an answer of assessment');
    expect(verbInWords('token.revoke')).toBe('withdrew');
    // A code nobody described yet still reads, without underscores.
    expect(actionInWords('exit_plan.frobnicate')).toBe('frobnicate exit plan');
  });
  it('on the object’s own page, gives a verb that needs its object the object', () => {
    expect(verbOnItsPage('invoice.override_check')).toBe('overrode a failing check of this invoice');
    expect(verbOnItsPage('budget.amend_by_change')).toBe('added an approved change to this budget');
    expect(verbOnItsPage('invoice.approve')).toBe('approved');
  });
  it('names fields in words, not code', () => {
    expect(fieldInWords('internalOwnerId')).toBe('internal owner');
    expect(fieldInWords('contactTimeZone')).toBe('contact time zone');
    expect(fieldInWords('updatedAt')).toBe('updated');
    expect(fieldInWords('tier')).toBe('tier');
  });
});
