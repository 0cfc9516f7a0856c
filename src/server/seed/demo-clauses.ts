import { ClauseReviewInput } from '../../shared/contracts/clauses.ts';
import type { Ctx } from '../context.ts';
import { listClauses, saveClauseReview } from '../modules/clauses/clauses.public.ts';

type Review = Partial<ClauseReviewInput> & { status: ClauseReviewInput['status'] };
type Reviews = Record<string, Review | ClauseReviewInput['status']>;

/** Every clause of the basic set, present: the starting point of a well-drafted contract's review. */
const BASICS: Reviews = {
  scope_deliverables: { status: 'present', section: '2', page: 3, quote: 'The Services are described in Schedule 1; each Deliverable is accepted in writing against the criteria in Schedule 2.' },
  confidentiality: { status: 'present', section: '11', page: 14, quote: 'Each party keeps the other’s Confidential Information secret during the term and for five years after it, and binds its subcontractors to the same.' },
  payment_terms: { status: 'present', section: '7', page: 9, quote: 'Invoices are payable 30 days after receipt; the Customer may withhold amounts it disputes in good faith.' },
  termination_rights: { status: 'present', section: '16', page: 19, quote: 'The Customer may terminate for material breach, on the Supplier’s insolvency or change of control, and for convenience on three months’ notice.' },
  governing_law: { status: 'present', section: '24', page: 27, quote: 'German law applies; the courts of Munich have jurisdiction.' },
};

/**
 * The clause review of most demo contracts, with good and bad cases (seeded through the
 * services, so the trail shows who reviewed what):
 * - Sentinel's agreement has no exit assistance: a high-severity gap on a critical engagement;
 * - PayrollCloud's order form has no data processing terms although the payroll touches
 *   health data: a gap;
 * - Brightline's audit clause is weak (no frequency), HelpPoint's breach notification has no deadline;
 * - Nimbus keeps data protection in a separate DPA: the hosting agreement lacks it, the DPA fills it;
 * - Kestrel's amendment 1 starts from the master agreement and changes two clauses.
 * Contracts missing from `contractIds` (another seed's choice) are skipped.
 */
export async function seedDemoClauses(ctx: Ctx, contractIds: Map<string, string>): Promise<void> {
  const library = await listClauses(ctx, { retired: 'all' });
  const idOf = new Map(library.items.map((c) => [c.key ?? c.title, c.id]));
  const review = async (title: string, reviews: Reviews) => {
    const contractId = contractIds.get(title);
    if (!contractId) return;
    for (const [key, r] of Object.entries(reviews)) {
      const clauseId = idOf.get(key);
      if (!clauseId) continue;
      await saveClauseReview(ctx, contractId, clauseId, ClauseReviewInput.parse(typeof r === 'string' ? { status: r } : r));
    }
  };

  await review('Brightline master services agreement', {
    ...BASICS,
    service_levels: { status: 'present', section: 'Schedule 3', page: 31, quote: 'Priority 1 incidents: response within 15 minutes, resolution within 4 hours, measured in business hours per the agreed calendar; service credits per Schedule 3.4.' },
    information_security: { status: 'present', section: '13', page: 16, quote: 'Administrative access only with multi-factor authentication; data encrypted in transit and at rest; no removable media.' },
    audit_rights: {
      status: 'weak',
      weakReason: 'Audits only "on reasonable notice" at our cost — no frequency, and no right to audit after a security incident.',
      section: '14',
      page: 17,
      quote: 'The Customer may, on reasonable notice and at its own cost, audit the Supplier’s compliance with this Agreement.',
    },
    subcontracting: { status: 'present', section: '15', page: 18 },
    liability: { status: 'present', section: '18', page: 21, note: 'Cap at 150 % of annual fees; data breaches and confidentiality uncapped.' },
    business_continuity: { status: 'present', section: '19', page: 22, quote: 'The Supplier tests its continuity plan yearly and reports the results within 30 days.' },
    exit_assistance: { status: 'present', section: '17', page: 20, quote: 'For up to six months after termination the Supplier provides exit assistance at the rates of Schedule 5.' },
    insurance: 'present',
    key_personnel: { status: 'missing', note: 'The named service manager may be replaced without our consent.' },
  });
  await review('Brightline statement of work 2026', {
    scope_deliverables: { status: 'present', section: '1', page: 1, quote: 'Operation of 140 servers and the plant networks at both sites, as listed in Annex A.' },
    service_levels: { status: 'present', section: '4', page: 3, note: 'Refers to Schedule 3 of the master agreement.' },
    change_control: { status: 'present', section: '6', page: 4 },
    payment_terms: { status: 'present', section: '5', page: 4 },
    penalties: 'not_applicable',
  });
  await review('Kestrel master agreement', {
    ...BASICS,
    ip_ownership: { status: 'present', section: '10', page: 11, quote: 'All work product created for the Customer vests in the Customer on payment.' },
    source_escrow: { status: 'weak', weakReason: 'Escrow deposit only while the contract runs; no release on the vendor’s insolvency.', section: '10.4', page: 12 },
    data_protection: { status: 'present', section: '12', page: 13, quote: 'Annex 4 (data processing) applies; personal data breaches are notified within 24 hours.' },
    information_security: 'present',
    service_levels: 'present',
    audit_rights: 'present',
    business_continuity: { status: 'weak', weakReason: 'A plan is mentioned but never tested or reported on.' },
    subcontracting: 'present',
    liability: 'present',
    exit_assistance: { status: 'present', section: '17', page: 19, quote: 'Knowledge transfer and a three-month transition period at agreed rates.' },
    penalties: { status: 'missing', note: 'No agreed amounts for late releases.' },
  });
  // The amendment starts from the master agreement; it changes what it amends.
  await review('Kestrel amendment 1: extended warranty', {
    penalties: { status: 'present', section: 'A1.2', page: 1, quote: 'For each week a warranty fix is late, 2 % of the monthly fee is credited, up to 10 %.' },
    source_escrow: { status: 'present', section: 'A1.4', page: 2, quote: 'The escrow deposit is released on the Supplier’s insolvency or if it stops supporting the software.' },
  });
  await review('Kestrel order portal statement of work', {
    scope_deliverables: { status: 'present', section: '2', page: 2, quote: 'Release 3 of the order portal with the features in Annex 1, each accepted against its criteria.' },
    payment_terms: { status: 'present', section: '5', page: 5, note: 'Payments tied to the three milestones.' },
    change_control: { status: 'weak', weakReason: 'Changes under five days of effort may be billed without our prior written approval.', section: '7', page: 6 },
  });
  await review('Nimbus hosting agreement', {
    ...BASICS,
    service_levels: { status: 'present', section: '5', page: 6, quote: 'Availability of 99.9 % per month, measured at the load balancer; credits of 5 % per 0.1 % missed.' },
    information_security: 'present',
    audit_rights: { status: 'present', section: '14', page: 15, quote: 'The Customer and its auditors may audit once a year and after any security incident.' },
    business_continuity: 'present',
    subcontracting: 'present',
    liability: 'present',
    exit_assistance: 'present',
    data_protection: { status: 'missing', note: 'Kept in the separate Nimbus data processing agreement.' },
  });
  await review('Nimbus data processing agreement', {
    data_protection: {
      status: 'present',
      section: '4–9',
      page: 2,
      quote: 'The Processor notifies personal data breaches within 48 hours, engages sub-processors only with prior approval, and returns and deletes all data within 30 days of the end.',
    },
    subcontracting: { status: 'present', section: '6', page: 3 },
  });
  await review('HelpPoint service desk agreement', {
    ...BASICS,
    service_levels: 'present',
    data_protection: {
      status: 'weak',
      weakReason: 'Breach notification "without undue delay" — no deadline in hours, and nothing on deleting data at the end.',
      section: '12',
      page: 10,
      quote: 'The Supplier shall notify the Customer of any personal data breach without undue delay.',
    },
    information_security: 'present',
    key_personnel: 'present',
    governance_reporting: { status: 'present', section: '9', page: 8, quote: 'Monthly service review with the report in Schedule 4.' },
  });
  await review('Sentinel managed detection agreement', {
    ...BASICS,
    service_levels: 'present',
    information_security: 'present',
    audit_rights: 'present',
    business_continuity: 'present',
    subcontracting: 'present',
    liability: { status: 'weak', weakReason: 'Liability capped at three months of fees, data breaches included.', section: '15', page: 12 },
    exit_assistance: { status: 'missing', note: 'Nothing on handing over detection rules, logs or runbooks at the end.' },
  });
  await review('PayrollCloud subscription', {
    scope_deliverables: 'present',
    payment_terms: { status: 'present', note: 'Annual subscription, invoiced in advance.' },
    confidentiality: 'present',
    termination_rights: { status: 'weak', weakReason: 'Termination only for cause; no termination for convenience before the annual renewal.' },
    governing_law: { status: 'present', note: 'New York law.' },
    data_protection: { status: 'missing', note: 'The order form refers to online terms; no data processing agreement is signed although salaries and health data are processed.' },
  });
  await review('DocuFlow order form', BASICS);
  await review('Atlas field services agreement', {
    ...BASICS,
    exit_assistance: { status: 'present', note: 'Handover to the new desktop provider by 31 March 2027.' },
  });
}
