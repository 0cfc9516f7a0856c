import type { TxCtx } from '../audit/audit.public.ts';
import { findPolicyRow, savePolicy } from '../sla-policies/sla-policies.public.ts';
import { SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * "Go" carries the pilot's SLA criterion over as the running engagement's starting target
 * (issue 16 §5): a new version of the engagement's SLA policy in which every priority's
 * monthly attainment target is at least the pilot's — a stricter target of a priority stays.
 * The pilot measured its criterion under that policy, so without one there is nothing to
 * carry (the criterion showed "not measured"). Returns the new version, or null.
 */
export async function carryPilotSlaTarget(tx: TxCtx, engagementId: string, targetPct: number): Promise<number | null> {
  let current;
  try {
    current = await findPolicyRow(tx, engagementId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
  const share = targetPct / 100;
  const { calendarId, definition } = current.policy;
  const d = definition as Omit<SlaPolicyInput, 'calendarId'>;
  const priorities = Object.fromEntries(Object.entries(d.priorities).map(([p, t]) => [p, { ...t, monthlyAttainment: Math.max(t.monthlyAttainment ?? 0, share) }]));
  const unchanged = Object.entries(d.priorities).every(([p, t]) => t.monthlyAttainment === priorities[p].monthlyAttainment);
  if (unchanged) return current.policy.version;
  const saved = await savePolicy(tx, engagementId, SlaPolicyInput.parse({ ...d, calendarId, priorities }));
  return saved.version;
}
