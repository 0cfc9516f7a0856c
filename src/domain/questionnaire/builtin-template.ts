/**
 * The built-in due-diligence questionnaire for outsourced IT, written for Outsight.
 *
 * It asks what the failures listed in PRODUCT.md call for before data or systems are
 * handed over: certificates and references, data protection law, access control and
 * MFA, encryption, incident response and breach notification, continuity, staff vetting
 * and NDAs, endpoints and removable media, physical security, subcontractors (fourth
 * parties), ownership of code and IP, and the exit.
 *
 * Authoring conventions (so edits stay consistent):
 * - weights: 3 = a gap here alone can cause a serious incident or lock-in; 2 = an
 *   important control; 1 = good practice; 0 = context (scoping questions, free text,
 *   dates), never scored and never a finding;
 * - severities say how bad a bad answer is; `finding` is the title a bad answer suggests;
 * - scoping questions ("Will you process personal data?", "Will you use
 *   subcontractors?") gate the detail questions through conditions, so a vendor is
 *   never asked about things that do not apply and is not scored on them.
 */
import { LATER_SECTIONS } from './builtin-template-more.ts';
import { anyOf, builders, is } from './builtin-builders.ts';
import type { Section, Template } from './template.ts';

const compliance = builders('compliance');
const dataSecurity = builders('data_security');
const access = builders('access_control');
const encryption = builders('encryption');

const assurance: Section = {
  id: 'assurance',
  title: 'Certifications, audits and references',
  description: 'Independent evidence that your controls exist and work. Upload documents where asked; they are kept with their validity dates.',
  questions: [
    compliance.yesNo('iso27001', 'Is your organisation certified to ISO/IEC 27001, with a scope that covers the services you would deliver to us?', 3, 'high', { finding: 'No ISO 27001 certification covering the services' }),
    compliance.other('iso27001_certificate', 'file', 'Upload your current ISO 27001 certificate and its scope (the Statement of Applicability too, if you can share it).', 2, 'medium', {
      condition: is('iso27001', true),
      help: 'We record the issuing body and the expiry date, and remind both sides before it lapses.',
    }),
    compliance.one(
      'soc2',
      'Do you have a SOC 2 report on the services you would deliver to us?',
      [
        ['soc2_type2', 'Yes, a Type II report (controls tested over a period)', 1],
        ['soc2_type1', 'Yes, a Type I report (design at a point in time)', 0.5],
        ['soc2_none', 'No SOC 2 report', 0],
      ],
      2,
      'medium',
      { finding: 'No SOC 2 Type II report' },
    ),
    compliance.other('soc2_period_end', 'date', 'On what date does the period covered by your latest SOC 2 report end?', 0, 'info', { condition: anyOf('soc2', 'soc2_type2', 'soc2_type1') }),
    compliance.other('soc2_report', 'file', 'Upload your latest SOC 2 report, with any bridge letter covering the time since.', 2, 'medium', { condition: anyOf('soc2', 'soc2_type2', 'soc2_type1') }),
    compliance.one(
      'security_testing',
      'When did an independent party last test the security of the systems you would use for our services (penetration test or technical audit)?',
      [
        ['test_12m', 'Within the last 12 months', 1],
        ['test_24m', '12 to 24 months ago', 0.5],
        ['test_never', 'Longer ago, or never', 0],
      ],
      2,
      'high',
      { finding: 'No recent independent security test' },
    ),
    compliance.other('pentest_summary', 'file', 'Upload the summary of that test and the status of each finding it raised.', 1, 'low', { condition: anyOf('security_testing', 'test_12m', 'test_24m') }),
    compliance.yesNo('audit_rights', 'Will you accept a contract clause that lets us, or an auditor we appoint, verify your controls for our services?', 2, 'high', { finding: 'No right to audit' }),
    compliance.one(
      'references',
      'How many current clients of a size and industry like ours can we contact as references?',
      [
        ['refs_3', 'Three or more', 1],
        ['refs_1', 'One or two', 0.5],
        ['refs_0', 'None', 0],
      ],
      2,
      'medium',
      { finding: 'No client references offered' },
    ),
    compliance.other('reference_contacts', 'long_text', 'For each reference: the client, the service you deliver, since when, and a contact person who agreed to talk to us.', 0, 'info', {
      condition: anyOf('references', 'refs_3', 'refs_1'),
    }),
  ],
};

const privacy: Section = {
  id: 'privacy',
  title: 'Data protection and privacy',
  questions: [
    compliance.yesNo('personal_data', 'Will you process personal data on our behalf (about our staff, customers or anyone else) while delivering the services?', 0, 'info', {
      help: 'Answer yes if your staff or systems can see, store or copy such data, even occasionally (for example during support).',
    }),
    compliance.yesNo('dpa', 'Will you sign a data processing agreement (GDPR Article 28 or equivalent) before any processing starts?', 3, 'critical', { condition: is('personal_data', true), finding: 'No data processing agreement' }),
    compliance.many(
      'privacy_laws',
      'Which data-protection laws does your compliance programme cover?',
      [
        ['law_gdpr', 'EU GDPR', 1],
        ['law_uk_gdpr', 'UK GDPR and Data Protection Act 2018', 1],
        ['law_ccpa', 'CCPA / CPRA (California)', 1],
        ['law_hipaa', 'HIPAA (US health information), including business associate agreements', 1],
        ['law_other', 'Other national laws (name them in a comment)', 1],
        ['law_none', 'None formally', 0],
      ],
      1,
      'medium',
      { condition: is('personal_data', true), scoreBy: 'strongest', finding: 'No data-protection compliance programme' },
    ),
    compliance.one(
      'data_location',
      'Where will our data be stored, processed or accessed from?',
      [
        ['loc_adequate', 'Only in the EEA, the UK or countries with an EU adequacy decision', 1],
        ['loc_safeguards', 'Also elsewhere, covered by standard contractual clauses or equivalent safeguards', 0.75],
        ['loc_unprotected', 'Elsewhere, without such safeguards', 0],
        ['loc_unknown', 'We cannot tell in advance', 0],
      ],
      2,
      'high',
      { condition: is('personal_data', true), finding: 'Unsafeguarded international data transfers' },
    ),
    compliance.other('data_locations_detail', 'long_text', 'List the countries, data centres and cloud regions involved, and from where your staff will reach our data.', 0, 'info', { condition: is('personal_data', true) }),
    compliance.yesNo('subject_requests', 'Do you have a documented procedure to help us answer requests from data subjects (access, correction, erasure) within the legal deadlines?', 1, 'medium', {
      condition: is('personal_data', true),
      finding: 'No procedure for data-subject requests',
    }),
    dataSecurity.yesNo('classification', 'Do you classify the information you handle and apply handling rules to each class (for example "confidential": encrypted, need-to-know)?', 2, 'medium', { finding: 'No data classification' }),
    dataSecurity.yesNo('client_separation', 'Is our data kept logically separate from other clients\' data in every system you use for us?', 2, 'high', { finding: 'Client data not separated' }),
  ],
};

const accessControl: Section = {
  id: 'access_control',
  title: 'Access control and multi-factor authentication',
  questions: [
    access.one(
      'mfa_admin',
      'Is multi-factor authentication enforced for administrative access to the systems that hold or reach our data?',
      [
        ['mfa_admin_all', 'Always, without exceptions', 1],
        ['mfa_admin_most', 'Mostly, with documented exceptions', 0.5],
        ['mfa_admin_no', 'No', 0],
      ],
      3,
      'critical',
      { finding: 'Administrative access without MFA' },
    ),
    access.yesNo('mfa_remote', 'Is multi-factor authentication required for all remote access: VPN, remote desktop, cloud consoles and e-mail?', 3, 'high', { finding: 'Remote access without MFA' }),
    access.many(
      'mfa_factors',
      'Which second factors do your staff use?',
      [
        ['factor_hardware', 'Hardware security keys (FIDO2 / passkeys)', 1],
        ['factor_app', 'Authenticator app codes', 1],
        ['factor_push', 'Push approval in an app', 0.75],
        ['factor_sms', 'Codes by SMS or voice call', 0.25],
      ],
      1,
      'medium',
      { condition: anyOf('mfa_admin', 'mfa_admin_all', 'mfa_admin_most'), finding: 'Weak second factors allowed (SMS or voice)', help: 'The weakest factor you allow sets the score: an attacker picks the easiest one.' },
    ),
    access.yesNo('need_to_know', 'Is access to our systems and data granted on a need-to-know basis and approved by a named manager?', 2, 'high', { finding: 'Access not granted on a need-to-know basis' }),
    access.one(
      'access_reviews',
      'How often do you review who can access our systems and data?',
      [
        ['review_quarterly', 'Every quarter or more often', 1],
        ['review_half_year', 'Twice a year', 0.75],
        ['review_yearly', 'Once a year', 0.5],
        ['review_never', 'Less often, or not at all', 0],
      ],
      2,
      'medium',
      { finding: 'Access rights not reviewed regularly' },
    ),
    access.one(
      'leaver_access',
      'How quickly is access removed when someone leaves your company or stops working on our services?',
      [
        ['leaver_same_day', 'The same working day', 1],
        ['leaver_3_days', 'Within three working days', 0.5],
        ['leaver_later', 'Later, or no fixed rule', 0],
      ],
      2,
      'high',
      { finding: 'Leavers keep access' },
    ),
    access.yesNo('shared_accounts', 'Do your staff use shared or generic accounts to work in our systems?', 2, 'high', { yesScore: 0, noScore: 1, finding: 'Shared accounts in use', help: 'Shared accounts make it impossible to tell who did what.' }),
  ],
};

const crypto: Section = {
  id: 'encryption',
  title: 'Encryption',
  questions: [
    encryption.one(
      'encryption_in_transit',
      'How is our data protected while it moves between systems?',
      [
        ['transit_everywhere', 'TLS 1.2 or later (or an encrypted tunnel) on every connection, internal ones included', 1],
        ['transit_public_only', 'Encrypted over public networks only', 0.5],
        ['transit_partial', 'Not on every connection over public networks', 0],
      ],
      3,
      'critical',
      { finding: 'Data not encrypted in transit' },
    ),
    encryption.yesNo('encryption_at_rest', 'Is our data encrypted at rest in databases, file storage and backups?', 3, 'high', { finding: 'Data not encrypted at rest' }),
    encryption.yesNo('disk_encryption', 'Is full-disk encryption enforced on every laptop and workstation used for our services?', 2, 'high', { finding: 'Endpoints without disk encryption' }),
    encryption.one(
      'key_management',
      'How are the encryption keys that protect our data managed?',
      [
        ['keys_kms', 'In a key-management service or HSM, with restricted and logged access', 1],
        ['keys_customer', 'We can use keys that you hold and control', 1],
        ['keys_manual', 'By hand, or stored in configuration files', 0.25],
      ],
      1,
      'medium',
      { finding: 'Encryption keys managed by hand' },
    ),
  ],
};

/** The built-in questionnaire for outsourced IT; validated by the tests against TemplateSchema. */
export const BUILT_IN_TEMPLATE: Template = {
  name: 'Outsourced IT due diligence',
  description:
    'Outsight\'s questionnaire for IT service providers: managed services, development, help desk and hosting. It covers the controls to check before a vendor reaches your data or systems, and what you need to leave the vendor cleanly.',
  sections: [assurance, privacy, accessControl, crypto, ...LATER_SECTIONS],
};
