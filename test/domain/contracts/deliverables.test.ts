import { describe, expect, it } from 'vitest';
import { lateness, onTimeRate, paymentHold, type DeliverableFacts } from '../../../src/domain/contracts/deliverables.ts';

const d = (o: Partial<DeliverableFacts>): DeliverableFacts => ({ id: 'd', title: 'Design document', status: 'planned', dueDate: '2026-11-30', graceDays: 5, acceptedOn: null, ...o });

describe('deliverables', () => {
  it('are late once not accepted by the due date plus grace', () => {
    expect(lateness(d({}), '2026-12-05')).toEqual({ deadline: '2026-12-05', late: false, daysLate: 0 });
    expect(lateness(d({}), '2026-12-06')).toEqual({ deadline: '2026-12-05', late: true, daysLate: 1 });
    expect(lateness(d({ status: 'accepted', acceptedOn: '2026-12-04' }), '2027-01-01').late).toBe(false);
    expect(lateness(d({ status: 'accepted', acceptedOn: '2026-12-08' }), '2027-01-01')).toMatchObject({ late: true, daysLate: 3 });
  });

  it('the on-time rate judges accepted ones and open ones past their deadline; nothing judged is not measured', () => {
    const ds = [d({ id: 'a', status: 'accepted', acceptedOn: '2026-12-01' }), d({ id: 'b', status: 'accepted', acceptedOn: '2026-12-09' }), d({ id: 'c', status: 'submitted' }), d({ id: 'e', dueDate: '2027-03-01' })];
    expect(onTimeRate(ds, '2026-12-20')).toEqual({ onTime: 1, late: 2, rate: 1 / 3 });
    expect(onTimeRate([d({ dueDate: '2027-03-01' })], '2026-12-20').rate).toBeNull();
  });

  it('a payment tied to a milestone waits for every deliverable, naming those it waits for', () => {
    expect(paymentHold(null)).toEqual({ blocked: false, waitingFor: [] });
    const hold = paymentHold([d({ id: 'a', status: 'accepted', acceptedOn: '2026-12-01' }), d({ id: 'b', title: 'Runbook', status: 'rejected' })]);
    expect(hold).toEqual({ blocked: true, waitingFor: [{ id: 'b', title: 'Runbook', status: 'rejected' }] });
    expect(paymentHold([d({ status: 'accepted', acceptedOn: '2026-12-01' })]).blocked).toBe(false);
  });
});
