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
  getDeliverable,
  getOwnDeliverable,
  listOwnDeliverables,
  rejectDeliverable,
  setDeliverableStatus,
  submitDeliverable,
  uploadDeliverableFile,
  vendorOnTimeRate,
} from './deliverables.service.ts';
export { createPayment, markPaymentPaid, paymentTotals } from './payments.service.ts';
export { deliverablesFeed } from './feed.ts';
