import { DEFAULT_MATRIX } from '../../domain/risk/matrix.ts';
import { addDays } from '../../domain/risk/signals/types.ts';
import { civilDateIn } from '../../domain/civil-date.ts';
import type { User } from '../../shared/contracts/users.ts';
import type { Ctx } from '../context.ts';
import { acceptRisk, addRiskAction, evaluateSignals, listRisks, recomputeLevels, updateRisk, updateRiskAction, updateRiskSettings } from '../modules/risks/risks.public.ts';
import { RiskListQuery, RiskMatrixShape } from '../../shared/contracts/risks.ts';
import { EngagementUpdate } from '../../shared/contracts/engagements.ts';
import { updateEngagement } from '../modules/engagements/engagements.public.ts';
import { anEvidence, handleOf } from './builders/due-diligence.ts';
import { aFourthParty, aRisk } from './builders/risks.ts';

/** Fourth parties: one cloud provider behind four vendors, a data centre behind two, a subcontractor behind one. */
const FOURTH_PARTIES: Array<{ vendor: string; name: string; service: string; country: string; dataAccess: 'none' | 'internal' | 'confidential' | 'personal_data' | 'special_category_personal_data' }> = [
  { vendor: 'Nimbus Cloud Hosting', name: 'Amazon Web Services', service: 'Compute and storage for the ERP', country: 'IE', dataAccess: 'personal_data' },
  { vendor: 'Kestrel Software Labs', name: 'Amazon Web Services, Inc.', service: 'Code repositories and build servers', country: 'DE', dataAccess: 'confidential' },
  { vendor: 'PayrollCloud', name: 'Amazon Web Services, Inc.', service: 'Payroll platform hosting', country: 'US', dataAccess: 'special_category_personal_data' },
  { vendor: 'Quanta Analytics', name: 'AMAZON WEB SERVICES', service: 'Data warehouse', country: 'US', dataAccess: 'confidential' },
  { vendor: 'Brightline Managed Services', name: 'Equinix, Inc.', service: 'Data centre (Frankfurt FR5)', country: 'DE', dataAccess: 'none' },
  { vendor: 'BackupVault', name: 'Equinix Ltd', service: 'Data centre (London LD8)', country: 'GB', dataAccess: 'none' },
  { vendor: 'HelpPoint Service Desk', name: 'Microsoft Ireland Operations Ltd', service: 'Ticketing and telephony (Dynamics, Teams)', country: 'IE', dataAccess: 'personal_data' },
  { vendor: 'Sentinel SOC', name: 'Microsoft Ireland Operations Ltd', service: 'SIEM (Sentinel workspace)', country: 'IE', dataAccess: 'confidential' },
  { vendor: 'HelpPoint Service Desk', name: 'TeleTech Staffing Inc.', service: 'Night-shift agents', country: 'PH', dataAccess: 'personal_data' },
];

/**
 * The demo's risk register, through the services: fourth parties shared by several vendors,
 * risks recorded by hand (mitigated with actions, accepted, one acceptance out of date, a
 * review and an action due this week), then the signals evaluated over the demo's real facts — its expired
 * evidence, SLA breaches and clause gaps open their own risks. One signal risk is accepted, and
 * a renewed report clears another signal (its risk stays open for a person to close). Dates are relative to `ctx.now`.
 */
export async function seedDemoRisks(ctx: Ctx, vendorIds: Map<string, string>, engagementIds: Map<string, string>): Promise<void> {
  const owner: User = { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null, disabled: false, createdAt: ctx.now.toISOString() } as User;
  const h = handleOf(ctx, owner);
  const today = civilDateIn(ctx.now, 'UTC');
  const vendor = (name: string) => vendorIds.get(name)!;

  // Nimbus (Dutch) runs the ERP from its Frankfurt data centre: concentration by country counts Germany.
  await updateEngagement(ctx, engagementIds.get('ERP hosting')!, EngagementUpdate.parse({ deliveryCountry: 'DE' }));
  for (const f of FOURTH_PARTIES) await aFourthParty(h, { vendorId: vendor(f.vendor), name: f.name, service: f.service, country: f.country, dataAccess: f.dataAccess });

  const ransomware = await aRisk(h, {
    title: 'Ransomware reaches the off-site backups',
    description: 'Backups are the last line of defence; if the attacker can delete them, recovery takes weeks.',
    category: 'security',
    vendorId: vendor('BackupVault'),
    engagementId: engagementIds.get('Off-site backup'),
    ownerId: owner.id,
    inherentLikelihood: 4,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 5,
    treatment: 'mitigate',
    reviewOn: addDays(today, 45),
  });
  const immutable = await addRiskAction(ctx, ransomware.id, { title: 'Turn on immutable (write-once) backup copies', ownerId: owner.id, dueOn: addDays(today, -20), status: 'open' });
  await updateRiskAction(ctx, immutable.actions[0].id, { status: 'done' });
  await addRiskAction(ctx, ransomware.id, { title: 'Quarterly restore test of the ERP from the off-site copy', ownerId: owner.id, dueOn: addDays(today, 21), status: 'open' });
  // Due at the end of this week (the dashboard's week lists it); dated after the dashboard test's own questionnaire, which the list must not cut.
  await addRiskAction(ctx, ransomware.id, { title: 'Separate admin accounts for the backup console', ownerId: owner.id, dueOn: addDays(today, 5), status: 'in_progress' });

  await aRisk(h, {
    title: 'Four vendors run on the same cloud provider',
    description: 'Nimbus, Kestrel, PayrollCloud and Quanta all run on Amazon Web Services: one regional outage takes the ERP, the order portal build, payroll and sales reporting down together.',
    category: 'fourth_party',
    ownerId: owner.id,
    inherentLikelihood: 2,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 4,
    treatment: 'mitigate',
    reviewOn: addDays(today, 90),
  });

  const keyPerson = await aRisk(h, {
    title: 'Order portal knowledge sits with two Kestrel developers',
    category: 'service_delivery',
    vendorId: vendor('Kestrel Software Labs'),
    engagementId: engagementIds.get('Order portal maintenance'),
    ownerId: owner.id,
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    treatment: 'mitigate',
    reviewOn: addDays(today, 60),
  });
  await acceptRisk(ctx, keyPerson.id, { expiresOn: addDays(today, 180), note: 'Documentation sprint agreed for Q2; accepted until then.' });
  // Since accepted, one of the two developers resigned: the residual score rose and the acceptance is out of date.
  await updateRisk(ctx, keyPerson.id, { residualLikelihood: 4, scoreNote: 'One of the two developers handed in notice.' });

  const payroll = await aRisk(h, {
    title: 'Salary and health data processed in the United States',
    description: 'PayrollCloud hosts in the US; transfers rely on standard contractual clauses and the EU–US Data Privacy Framework.',
    category: 'data_protection',
    vendorId: vendor('PayrollCloud'),
    engagementId: engagementIds.get('Payroll platform'),
    ownerId: owner.id,
    inherentLikelihood: 2,
    inherentImpact: 4,
    reviewOn: addDays(today, 300),
  });
  await acceptRisk(ctx, payroll.id, { expiresOn: addDays(today, 365), note: 'Transfer impact assessment done; no EU-hosted alternative at a comparable price.' });

  await aRisk(h, {
    title: 'Plants without desktop support after the Atlas exit',
    category: 'service_delivery',
    vendorId: vendor('Atlas Field Services'),
    ownerId: owner.id,
    inherentLikelihood: 3,
    inherentImpact: 3,
    treatment: 'avoid',
    reviewOn: addDays(today, 6),
  });

  await aRisk(h, {
    title: 'Atlas notice period missed at the last renewal',
    description: 'Handled: the exit was negotiated and the contract ends in March.',
    category: 'contract_legal',
    vendorId: vendor('Atlas Field Services'),
    inherentLikelihood: 3,
    inherentImpact: 2,
    closed: true,
  });

  await aRisk(h, {
    title: 'Cyber insurance excludes losses caused by suppliers',
    category: 'financial',
    inherentLikelihood: 2,
    inherentImpact: 4,
    treatment: 'transfer',
    reviewOn: addDays(today, 120),
  });

  // A risk-averse organisation: no vendor should carry more than a fifth of its critical and high work;
  // and a rough annual loss per cell from money bands (impact €10k to €5m; likelihood 2 % to 90 % a year).
  const loss = { currency: 'EUR', impactMinor: [1_000_000, 5_000_000, 25_000_000, 100_000_000, 500_000_000], likelihoodPct: [2, 10, 30, 60, 90] };
  await updateRiskSettings(ctx, { matrix: RiskMatrixShape.parse({ ...DEFAULT_MATRIX, loss }), rules: { concentration: { params: { maxSharePct: 20 } } } }, recomputeLevels);

  // The signals over the demo's own facts: expired evidence, SLA breaches, clause gaps, concentration,
  // Brightline's on-call retainer over budget and the service desk's credits not received (demo-costs.ts).
  await evaluateSignals(ctx);
  const fromSignals = (await listRisks(ctx, RiskListQuery.parse({ source: 'signal', limit: 200 }))).items;
  const gaps = fromSignals.find((r) => r.category === 'contract_legal');
  if (gaps) await acceptRisk(ctx, gaps.id, { expiresOn: addDays(today, 120), note: 'The clauses are added at the renewal; accepted until then.' });
  // Kestrel sends its renewed SOC 2 report: the next evaluation clears that signal, and its risk waits for a person to close it.
  await anEvidence(h, { vendorId: vendor('Kestrel Software Labs'), type: 'soc2_type2_report', title: 'SOC 2 Type II report (renewed)', issuer: 'Grant & Partners LLP', validFrom: addDays(today, -3), validUntil: addDays(today, 362), fileName: 'kestrel-soc2-renewed.pdf' });
  await evaluateSignals(ctx);
}
