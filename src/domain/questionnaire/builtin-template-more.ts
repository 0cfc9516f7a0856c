/**
 * Second half of the built-in questionnaire (see builtin-template.ts for the conventions):
 * incident response, continuity, people, endpoints and premises, subcontractors, code and
 * IP, and the exit.
 */
import { builders, is } from './builtin-builders.ts';
import type { Section } from './template.ts';

const incident = builders('incident_response');
const continuity = builders('business_continuity');
const people = builders('people');
const dataSecurity = builders('data_security');
const physical = builders('physical_security');
const subs = builders('subcontractors');
const ip = builders('source_code_ip');
const exit = builders('exit');

const incidents: Section = {
  id: 'incidents',
  title: 'Incident response and breach notification',
  questions: [
    incident.yesNo('incident_plan', 'Do you have a written incident-response plan, exercised (for example as a tabletop exercise) within the last 12 months?', 3, 'high', { finding: 'No tested incident-response plan' }),
    incident.one(
      'breach_notice',
      'Within how many hours of discovering a security incident or personal-data breach that affects us will you tell us?',
      [
        ['notice_24h', 'Within 24 hours', 1],
        ['notice_72h', 'Within 72 hours', 0.5],
        ['notice_later', 'Later, or we cannot commit to a time', 0],
      ],
      3,
      'critical',
      { finding: 'Breach notification too slow', help: 'Under the GDPR we have 72 hours to notify the authority; we need your notice well before that.' },
    ),
    incident.other('security_contact', 'short_text', 'Who is your security contact for incidents? Give a name or role and a phone number or mailbox that is staffed around the clock.', 1, 'medium', { finding: 'No security contact named' }),
    incident.one(
      'security_monitoring',
      'How are security events on the systems that serve us monitored?',
      [
        ['monitor_24x7', 'Around the clock, by our own team or a managed detection service', 1],
        ['monitor_office_hours', 'During office hours only', 0.5],
        ['monitor_none', 'There is no central monitoring', 0],
      ],
      2,
      'high',
      { finding: 'No security monitoring' },
    ),
    incident.yesNo('past_incidents', 'Have you had a security incident involving client data in the last 24 months?', 0, 'info'),
    incident.other('past_incidents_detail', 'long_text', 'What happened, who was affected, and what did you change afterwards?', 0, 'info', { condition: is('past_incidents', true) }),
  ],
};

const resilience: Section = {
  id: 'continuity',
  title: 'Business continuity and disaster recovery',
  questions: [
    continuity.yesNo('continuity_plan', 'Do you have a business continuity and disaster recovery plan that covers the services you would deliver to us?', 3, 'high', { finding: 'No continuity or recovery plan' }),
    continuity.other('recovery_test_date', 'date', 'On what date did you last test that plan from start to finish?', 0, 'info', { condition: is('continuity_plan', true) }),
    continuity.one(
      'recovery_time',
      'After a major outage, how soon can you commit to having our services running again?',
      [
        ['rto_4h', 'Within 4 hours', 1],
        ['rto_24h', 'Within 24 hours', 0.75],
        ['rto_72h', 'Within 72 hours', 0.4],
        ['rto_none', 'We cannot commit to a recovery time', 0],
      ],
      2,
      'high',
      { finding: 'No committed recovery time' },
    ),
    continuity.one(
      'backups',
      'How are backups of our data made and kept?',
      [
        ['backup_immutable', 'At least daily, with an offline or immutable copy at a second site', 1],
        ['backup_second_site', 'At least daily, copied to a second site', 0.75],
        ['backup_same_site', 'At the same site as the live data', 0.25],
        ['backup_none', 'We do not back up this data', 0],
      ],
      2,
      'high',
      { finding: 'Backups not protected or not kept off-site' },
    ),
    continuity.yesNo('restore_tests', 'Do you restore from backup as a test at least twice a year and record the result?', 1, 'medium', { finding: 'Backups never test-restored' }),
    continuity.yesNo('no_single_person', 'Can at least two people on your side carry out every critical task for our services?', 2, 'medium', { finding: 'Critical knowledge held by one person' }),
  ],
};

const staff: Section = {
  id: 'people',
  title: 'Staff vetting, confidentiality and training',
  questions: [
    people.yesNo('background_checks', 'Do you check identity, employment history and (where the law allows) criminal records before staff get access to client data?', 2, 'high', { finding: 'No background checks' }),
    people.yesNo('staff_ndas', 'Does everyone who works on our services — employees and contractors alike — sign a confidentiality agreement before starting?', 3, 'critical', { finding: 'Staff not bound by confidentiality agreements' }),
    people.other('team_size', 'number', 'How many of your people will work on our services in a typical month?', 0, 'info', {
      help: 'Context for the answers above and for the exit plan: knowledge spread over very few people is a dependency.',
    }),
    people.yesNo('mutual_nda', 'Will you sign a mutual NDA with us before we share any confidential information?', 2, 'high', { finding: 'Vendor will not sign an NDA' }),
    people.one(
      'awareness_training',
      'How often do your staff complete security and privacy awareness training?',
      [
        ['training_yearly', 'When they join and at least once a year after that', 1],
        ['training_once', 'Only when they join', 0.4],
        ['training_none', 'There is no formal training', 0],
      ],
      2,
      'medium',
      { finding: 'No regular security awareness training' },
    ),
  ],
};

const endpoints: Section = {
  id: 'endpoints',
  title: 'Endpoints, removable media and premises',
  questions: [
    dataSecurity.one(
      'removable_media',
      'How are USB drives and other removable media controlled on devices that can reach our data?',
      [
        ['media_blocked', 'Blocked by technical controls', 1],
        ['media_encrypted', 'Only encrypted, company-issued media can be used', 0.75],
        ['media_policy', 'A written policy, without technical enforcement', 0.25],
        ['media_open', 'Not controlled', 0],
      ],
      2,
      'high',
      { finding: 'Removable media not controlled' },
    ),
    dataSecurity.yesNo('personal_devices', 'Can staff reach our data from personal devices that you do not manage?', 2, 'high', { yesScore: 0, noScore: 1, finding: 'Unmanaged personal devices reach client data' }),
    dataSecurity.yesNo('endpoint_protection', 'Does every device used for our services run centrally monitored anti-malware or endpoint detection and response?', 2, 'high', { finding: 'Devices without endpoint protection' }),
    dataSecurity.one(
      'patching',
      'How soon are critical security updates installed on servers and endpoints?',
      [
        ['patch_14d', 'Within 14 days', 1],
        ['patch_30d', 'Within 30 days', 0.6],
        ['patch_no_target', 'There is no fixed target', 0],
      ],
      2,
      'high',
      { finding: 'Critical patches not installed promptly' },
    ),
    physical.yesNo('site_access', 'Are the offices and data centres where our services are delivered protected by badge access, visitor registration and camera surveillance?', 2, 'medium', { finding: 'Weak physical access control' }),
    physical.yesNo('secure_disposal', 'Are disks, devices and paper that held client data destroyed securely, with a certificate of destruction?', 1, 'medium', { finding: 'No secure disposal of media' }),
  ],
};

const fourthParties: Section = {
  id: 'subcontractors',
  title: 'Subcontractors (fourth parties)',
  questions: [
    subs.yesNo('uses_subcontractors', 'Will any subcontractor or other third party work on our services or be able to reach our data?', 0, 'info', {
      help: 'Include cloud and hosting providers, offshore partners, freelancers and support tools that store our data.',
    }),
    subs.other('subcontractor_list', 'long_text', 'For each subcontractor: its name, what it does for our services, its country, and which of our data it can reach.', 1, 'medium', {
      condition: is('uses_subcontractors', true),
      finding: 'Subcontractors not disclosed',
    }),
    subs.yesNo('subcontractor_approval', 'Will you ask for our written approval before adding or replacing a subcontractor?', 2, 'high', { condition: is('uses_subcontractors', true), finding: 'Subcontractors changed without approval' }),
    subs.yesNo('subcontractor_terms', 'Do your contracts with subcontractors carry the same security and confidentiality obligations that you accept towards us?', 2, 'high', {
      condition: is('uses_subcontractors', true),
      finding: 'Obligations not passed on to subcontractors',
    }),
    subs.one(
      'subcontractor_checks',
      'How do you check the security of your subcontractors?',
      [
        ['subs_yearly', 'A yearly assessment with evidence (certificates, reports)', 1],
        ['subs_onboarding', 'Once, when we start working with them', 0.5],
        ['subs_unchecked', 'We do not check them', 0],
      ],
      1,
      'medium',
      { condition: is('uses_subcontractors', true), finding: 'Subcontractors not assessed' },
    ),
  ],
};

const codeAndIp: Section = {
  id: 'source_code_ip',
  title: 'Source code and intellectual property',
  questions: [
    ip.yesNo('ip_ownership', 'Will we own the intellectual property in everything you make for us (code, configuration, documentation) once it is paid for?', 3, 'high', { finding: 'Client does not own deliverables' }),
    ip.one(
      'code_location',
      'Where will source code written for us be kept?',
      [
        ['code_our_repos', 'In repositories that we own, with access we grant you', 1],
        ['code_mirrored', 'In your repositories, mirrored to ours at least weekly', 0.6],
        ['code_vendor_only', 'Only in your repositories', 0.2],
      ],
      2,
      'high',
      { finding: 'Source code held only by the vendor' },
    ),
    ip.yesNo('component_list', 'Will you list every open-source and third-party component in the deliverables, with its licence?', 1, 'medium', { finding: 'No list of third-party components and licences' }),
    ip.yesNo('code_review', 'Is every change reviewed by a second developer and scanned for known vulnerabilities before release?', 2, 'medium', { finding: 'Code released without review or scanning' }),
  ],
};

const leaving: Section = {
  id: 'exit',
  title: 'Exit: data return, deletion and handover',
  questions: [
    exit.one(
      'data_return',
      'When the contract ends, how will you return our data?',
      [
        ['return_open_format', 'A complete export in an open, documented format within 30 days', 1],
        ['return_on_request', 'On request, in a format to be agreed then', 0.4],
        ['return_none', 'We do not commit to returning data', 0],
      ],
      3,
      'critical',
      { finding: 'No commitment to return data at exit' },
    ),
    exit.yesNo('data_deletion', 'After returning our data, will you delete every copy, backups included, and confirm the deletion in writing?', 3, 'high', { finding: 'No deletion of data at exit' }),
    exit.yesNo('exit_assistance', 'Will you provide exit assistance — knowledge transfer, documentation and running in parallel with the next provider — for up to six months at agreed rates?', 2, 'high', {
      finding: 'No exit assistance',
    }),
    exit.yesNo('handover_docs', 'Do you keep runbooks and system documentation up to date, and will we receive them on request and at exit?', 2, 'medium', { finding: 'Documentation not kept or not handed over' }),
    exit.yesNo('credentials_handover', 'At the end, will you hand over all credentials, licences and administrator accounts registered for our services?', 2, 'high', {
      finding: 'Credentials and licences not handed over at exit',
    }),
    exit.other('exit_notes', 'long_text', 'Anything else we should know about leaving your service (notice periods, exit fees, data formats)?', 0, 'info', {
      required: false,
      // Asked once the vendor has said how data comes back, so the notes can refer to it.
      condition: { op: 'answered', question: 'data_return' },
    }),
  ],
};

/** Sections after encryption, in questionnaire order. */
export const LATER_SECTIONS: readonly Section[] = [incidents, resilience, staff, endpoints, fourthParties, codeAndIp, leaving];
