/**
 * The e-mails of an assessment, in plain words. Text only: links in HTML mails are what
 * phishing filters and cautious vendors distrust most.
 */
export function assessmentMail(kind: 'invitation' | 'reminder' | 'overdue' | 'clarification', p: { vendorName: string; dueDate: string; url: string; daysLeft?: number }) {
  const footer = `\n\nThe link works once and expires in 14 days. If it has expired, reply to this e-mail for a new one.\n`;
  switch (kind) {
    case 'invitation':
      return {
        subject: `Security questionnaire for ${p.vendorName} — due ${p.dueDate}`,
        text: `Hello,\n\nwe would like ${p.vendorName} to answer a due-diligence questionnaire by ${p.dueDate}.\nOpen it here (no password needed):\n\n${p.url}\n\nYour answers are saved as you go; submit when you are done.${footer}`,
      };
    case 'reminder':
      return {
        subject: `Reminder: questionnaire for ${p.vendorName} due in ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'}`,
        text: `Hello,\n\nthe due-diligence questionnaire for ${p.vendorName} is due on ${p.dueDate}.\nContinue where you left off:\n\n${p.url}${footer}`,
      };
    case 'overdue':
      return {
        subject: `Overdue: questionnaire for ${p.vendorName} (was due ${p.dueDate})`,
        text: `Hello,\n\nthe due-diligence questionnaire for ${p.vendorName} was due on ${p.dueDate} and has not been submitted.\nPlease finish it here:\n\n${p.url}${footer}`,
      };
    case 'clarification':
      return {
        subject: `Questions about your answers for ${p.vendorName}`,
        text: `Hello,\n\nthe reviewer asked for clarification on some answers of ${p.vendorName}'s questionnaire.\nSee the questions and reply here:\n\n${p.url}${footer}`,
      };
  }
}
