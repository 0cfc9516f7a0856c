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
/** How evidence files are stored (<filesDir>/<org>/<uuid>, type sniffed from the content, size capped), for modules that keep files the same way. */
export { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload } from './evidence.storage.ts';
