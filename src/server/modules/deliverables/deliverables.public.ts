/**
 * The deliverables module (milestones, deliverables, payments) as other modules see it: the
 * portal calls the vendor's side, seeds and builders create through the services, and the
 * shared views read its feed.
 */
export {
  acceptDeliverable,
  createDeliverable,
  createMilestone,
  downloadDeliverableFile,
  /** An engagement's hand-ins in a window, with the client's decision times (the governance review's client side). */
  engagementHandIns,
  getDeliverable,
  getOwnDeliverable,
  /** The organisation's deliverables, filtered (the sourcing pilot reads an engagement's). */
  listDeliverables,
  /** A milestone id inside another module's body: one of the organisation's, of the engagement; else an invalid field. */
  referenceMilestone,
  /** A deliverable id inside another module's body: one the actor may see (a vendor contact: its own), of the engagement; else an invalid field. */
  referenceDeliverable,
  listOwnDeliverables,
  rejectDeliverable,
  setDeliverableStatus,
  submitDeliverable,
  uploadDeliverableFile,
  vendorOnTimeRate,
} from './deliverables.service.ts';
export { createPayment, markPaymentPaid, paymentTotals } from './payments.service.ts';
export { deliverablesFeed } from './feed.ts';
export { milestoneAcceptance, type MilestoneAcceptance } from './milestone-status.ts';
