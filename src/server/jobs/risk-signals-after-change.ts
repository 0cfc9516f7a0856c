import { onCommitted } from '../modules/audit/audit.public.ts';
import { evaluateOrg, type RiskJobDeps } from './risk-signals.ts';

/**
 * What the signal rules read, by the audit trail's object types: a committed change of one
 * of these (an evidence record's dates, an assessment, a finding, an SLA policy or ticket
 * import, a clause review, a budget or invoice, exit readiness, the rules' own settings)
 * schedules the organisation's evaluation. The evaluation's own writes (risk, risk_signal)
 * are not among them, so it never schedules itself.
 */
export const RELEVANT = new Set([
  'vendor',
  'engagement',
  'evidence',
  'assessment',
  'finding',
  'questionnaire',
  'sla_policy',
  'outage',
  'maintenance',
  'tickets',
  'calendar',
  'contract',
  'clause',
  'clause_review',
  'clause_requirement',
  'clause_settings',
  'budget',
  'invoice',
  'cost_settings',
  'service_credit',
  'change_request',
  'exit_settings',
  'exit_profile',
  'exit_asset',
  'exit_account',
  'exit_plan',
  'exit_step',
  'exit_drill',
  'exit_action',
  'risk_settings',
]);

export interface AfterChangeEvaluations {
  /** Runs every pending evaluation now and resolves once none is pending or running (tests, shutdown). */
  settle(): Promise<void>;
  /** Evaluations run so far (many changes coalesce into one). */
  runs(): number;
  stop(): void;
}

/**
 * Evaluates an organisation's risk signals soon after a relevant change commits, instead
 * of waiting for the hourly schedule: the first change starts a `delayMs` clock for the
 * organisation and every change until it rings joins the same evaluation; a change during an
 * evaluation schedules one more after it. Each server schedules the changes it committed;
 * the evaluation is idempotent under the organisation's lock, so several servers are safe.
 */
export function evaluateAfterChanges(deps: RiskJobDeps, opts: { delayMs?: number; now?: () => Date } = {}): AfterChangeEvaluations {
  const delayMs = opts.delayMs ?? 5_000;
  const now = opts.now ?? (() => new Date());
  const pending = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let runs = 0;
  let stopped = false;

  const schedule = (orgId: string) => {
    if (stopped || pending.has(orgId)) return;
    pending.set(orgId, setTimeout(() => run(orgId), delayMs).unref());
  };
  const run = (orgId: string) => {
    clearTimeout(pending.get(orgId));
    pending.delete(orgId);
    if (running.has(orgId)) {
      again.add(orgId);
      return;
    }
    runs++;
    const p = evaluateOrg(deps, orgId, now(), 'Risk evaluation after a change')
      .then((r) => {
        if (r && (r.raised || r.cleared || r.updated)) deps.log.info({ orgId, ...r, sources: undefined }, 'risk signals after a change');
      })
      .catch((err) => deps.log.error({ err, orgId }, 'risk signal evaluation after a change failed'))
      .finally(() => {
        running.delete(orgId);
        if (again.delete(orgId)) schedule(orgId);
      });
    running.set(orgId, p);
  };
  const off = onCommitted((orgId, objectTypes) => {
    for (const t of objectTypes) if (RELEVANT.has(t)) return schedule(orgId);
  });

  return {
    async settle() {
      while (pending.size || running.size) {
        for (const orgId of [...pending.keys()]) run(orgId);
        await Promise.all(running.values());
      }
    },
    runs: () => runs,
    stop() {
      stopped = true;
      off();
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
