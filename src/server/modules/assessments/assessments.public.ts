/** The assessments module as other modules (due diligence, the portal), jobs, seeds and builders see it. */
import './audit-names.ts';
export { assessmentsForOverview, cancelAssessment, clarificationThreadsOfVendor, completeAssessment, getAssessment, getVendorAssessment, lastCompletedByVendor, listVendorRequests, referenceAssessmentForEvidence } from './assessments.service.ts';
export { confirmCarriedOver, saveAnswer, submitAssessment } from './answer-assessment.ts';
export { addComment, addVendorReply, reviewAnswer } from './review-assessment.ts';
export { allOpenFindings, findingsDueBetween, openFindingsForOverview, raiseFinding, referenceFinding, updateFinding } from './findings.service.ts';
export { mailLink, mailReturnLink, openAssessmentsAcrossOrgs, resendLink, sendAssessment } from './send-assessment.ts';
