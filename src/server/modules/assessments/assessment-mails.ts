/**
 * The e-mails of an assessment, in plain words. Text only: links in HTML mails are what
 * phishing filters and cautious vendors distrust most. Each names who asks (a person and
 * the organisation): a vendor must be able to tell a real request from a phishing one.
 */
export type AssessmentMailKind = 'invitation' | 'reminder' | 'overdue' | 'clarification' | 'return';

export interface AssessmentMailParts {
  vendorName: string;
  dueDate: string;
  url: string;
  daysLeft?: number;
  /** The requesting organisation. */
  orgName: string;
  /** The reviewer (or whoever sent the questionnaire); null when nobody is named. */
  personName: string | null;
}

export function assessmentMail(kind: AssessmentMailKind, p: AssessmentMailParts) {
  const who = p.personName ? `${p.personName} of ${p.orgName}` : p.orgName;
  const footer = `\n\nThe link works once and expires in 14 days. If it no longer works, open it anyway: the page lets you ask for a new one.\n\n${p.personName ? `${p.personName}\n` : ''}${p.orgName}\n`;
  switch (kind) {
    case 'invitation':
      return {
        subject: `${p.orgName}: security questionnaire for ${p.vendorName} — due ${p.dueDate}`,
        text: `Hello,\n\n${who} asks ${p.vendorName} to answer a due-diligence questionnaire by ${p.dueDate}.\nOpen it here (no password needed):\n\n${p.url}\n\nYour answers are saved as you go; submit when you are done.${footer}`,
      };
    case 'reminder':
      return {
        subject: `Reminder from ${p.orgName}: questionnaire for ${p.vendorName} due in ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'}`,
        text: `Hello,\n\nThe due-diligence questionnaire ${who} sent ${p.vendorName} is due on ${p.dueDate}.\nContinue where you left off:\n\n${p.url}${footer}`,
      };
    case 'overdue':
      return {
        subject: `Overdue: ${p.orgName}'s questionnaire for ${p.vendorName} (was due ${p.dueDate})`,
        text: `Hello,\n\nThe due-diligence questionnaire ${who} sent ${p.vendorName} was due on ${p.dueDate} and has not been submitted.\nPlease finish it here:\n\n${p.url}${footer}`,
      };
    case 'clarification':
      return {
        subject: `${p.orgName} has questions about your answers for ${p.vendorName}`,
        text: `Hello,\n\n${who} asked for clarification on some answers of ${p.vendorName}'s questionnaire.\nSee the questions and reply here:\n\n${p.url}${footer}`,
      };
    case 'return':
      return {
        subject: `Your new link to ${p.orgName}'s questionnaire for ${p.vendorName}`,
        text: `Hello,\n\nYou asked for a new link to the due-diligence questionnaire ${who} sent ${p.vendorName} (due ${p.dueDate}).\nContinue where you left off:\n\n${p.url}\n\nIf you did not ask for it, ignore this e-mail: the link only opens the questionnaire.${footer}`,
      };
  }
}
