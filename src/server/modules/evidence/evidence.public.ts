/** The evidence module as other modules (due diligence, assessments, the portal), jobs, seeds and builders see it. */
export {
  downloadEvidence,
  evidenceExpiringAcrossOrgs,
  evidenceOfAssessment,
  expiringEvidence,
  listSharedEvidence,
  referenceEvidence,
  uploadEvidence,
  type UploadTarget,
  type UploadedFile,
} from './evidence.service.ts';
export { sendFile, uploadedFile, withRawBody } from './evidence.http.ts';
export { storageWriter } from './evidence.storage.ts';
