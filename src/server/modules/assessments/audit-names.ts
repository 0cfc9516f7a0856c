import { nameAuditObjects } from '../audit/audit.public.ts';
import { assessmentLabel } from './assessment-labels.repo.ts';

// An assessment has no name of its own: the trail calls it by its questionnaire and vendor.
nameAuditObjects('assessment', assessmentLabel);
