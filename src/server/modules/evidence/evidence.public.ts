/** The evidence module as other modules (due diligence, assessments, the portal), jobs, seeds and builders see it. */
export {
  downloadEvidence,
  evidenceExpiringAcrossOrgs,
  evidenceOfAssessment,
  expiringEvidence,
  listSharedEvidence,
  longestValidEvidence,
  referenceEvidence,
  uploadEvidence,
  type UploadTarget,
  type UploadedFile,
} from './evidence.service.ts';
export { sendFile, uploadedFile, withRawBody } from './evidence.http.ts';
export { storageWriter } from './evidence.storage.ts';
/** The file store evidence uses, for other modules' documents (signed contracts): same place, same checks. */
export { attachmentHeader, cleanFileName, openStored, removeStored, storeDocument, storeUpload } from './evidence.storage.ts';
