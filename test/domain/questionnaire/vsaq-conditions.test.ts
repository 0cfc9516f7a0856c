/**
 * Real conditional items from Google's questionnaires, evaluated on answers written out
 * by hand. Each case quotes the VSAQ `cond` it exercises.
 */
import { describe, expect, it } from 'vitest';
import { type Answers, checkAnswers, isVisible } from '../../../src/domain/questionnaire/answers.ts';
import { importVsaq } from '../../../src/domain/questionnaire/vsaq.ts';
import { readVsaq } from './vsaq-raw.ts';

const infra = importVsaq(readVsaq('infrastructure')).template;
const webapp = importVsaq(readVsaq('webapp')).template;
const programs = importVsaq(readVsaq('security_privacy_programs')).template;

describe('infrastructure.json', () => {
  it('block_firewalls (cond "network_firewalls_yes") shows network_dmz only after "yes"', () => {
    expect(isVisible(infra, {}, 'network_dmz')).toBe(false);
    expect(isVisible(infra, { network_firewalls: 'network_firewalls_yes' }, 'network_dmz')).toBe(true);
    expect(isVisible(infra, { network_firewalls: 'network_firewalls_no' }, 'network_dmz')).toBe(false);
    // …and the "explain why" box of tip warn_no_network_firewalls (cond "network_firewalls_no") the other way round.
    expect(isVisible(infra, { network_firewalls: 'network_firewalls_no' }, 'warn_no_network_firewalls')).toBe(true);
    expect(isVisible(infra, { network_firewalls: 'network_firewalls_yes' }, 'warn_no_network_firewalls')).toBe(false);
  });

  // warn_network_vpn_no2ndfactor: "req_sensitive && network_vpn_auth_pwd && !network_vpn_auth_2nd_factor",
  // inside block_vpn (cond "network_vpn_yes").
  const vpn = (auth: string[], sensitive: boolean, vpnUsed = true): Answers => ({
    options: sensitive ? ['req_sensitive'] : [],
    network_vpn: vpnUsed ? 'network_vpn_yes' : 'network_vpn_no',
    network_vpn_auth: auth,
  });

  it('warn_network_vpn_no2ndfactor needs sensitive data, a password and no second factor, inside a shown VPN block', () => {
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd'], true), 'warn_network_vpn_no2ndfactor')).toBe(true);
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd', 'network_vpn_auth_2nd_factor'], true), 'warn_network_vpn_no2ndfactor')).toBe(false);
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd'], false), 'warn_network_vpn_no2ndfactor')).toBe(false);
    // Without a VPN the whole block is hidden, so the answers inside it no longer count…
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd'], true, false), 'warn_network_vpn_no2ndfactor')).toBe(false);
    // …and sending them is refused.
    expect(checkAnswers(infra, vpn(['network_vpn_auth_pwd'], true, false)).hidden).toEqual(['network_vpn_auth']);
  });

  it('warn_network_vpn_nostrongauth uses "!^warn_network_vpn_no2ndfactor" (the other tip is not shown)', () => {
    // cond: "network_vpn_auth_pwd && !…cert_os && !…cert_tpm && !…2nd_factor && !^warn_network_vpn_no2ndfactor"
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd'], false), 'warn_network_vpn_nostrongauth')).toBe(true);
    // With sensitive data the more specific warning shows instead.
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd'], true), 'warn_network_vpn_nostrongauth')).toBe(false);
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd', 'network_vpn_auth_machine_cert_os'], false), 'warn_network_vpn_nostrongauth')).toBe(false);
  });

  it('warn_network_vpn_nopwd: "!network_vpn_auth_pwd && (cert_os || cert_tpm || 2nd_factor)"', () => {
    expect(isVisible(infra, vpn(['network_vpn_auth_machine_cert_tpm'], false), 'warn_network_vpn_nopwd')).toBe(true);
    expect(isVisible(infra, vpn(['network_vpn_auth_pwd', 'network_vpn_auth_machine_cert_tpm'], false), 'warn_network_vpn_nopwd')).toBe(false);
    expect(isVisible(infra, vpn([], false), 'warn_network_vpn_nopwd')).toBe(false);
  });

  it('servers_backup_media: "!req_nodata" (a negated check of the options group)', () => {
    expect(isVisible(infra, {}, 'servers_backup_media')).toBe(true);
    expect(isVisible(infra, { options: ['req_nodata'] }, 'servers_backup_media')).toBe(false);
    expect(isVisible(infra, { options: ['req_sensitive'] }, 'servers_backup_media')).toBe(true);
  });
});

describe('webapp.json', () => {
  it('warn_application_custom_auth_recovery_questions: "…_questions && !(…_resetlink || …_newpwd)" three blocks deep', () => {
    // application_custom_auth is itself only asked when the application has a login
    // ("application_authentication_requires_login || application_authentication_admin_interface").
    const base = { application_authentication: ['application_authentication_requires_login'], application_custom_auth: 'application_custom_auth_yes' };
    const id = 'warn_application_custom_auth_recovery_questions';
    expect(isVisible(webapp, { ...base, application_custom_auth_recovery: ['application_custom_auth_recovery_questions'] }, id)).toBe(true);
    expect(isVisible(webapp, { ...base, application_custom_auth_recovery: ['application_custom_auth_recovery_questions', 'application_custom_auth_recovery_resetlink'] }, id)).toBe(false);
    // The enclosing block_custom_auth ("application_custom_auth_yes") hides everything when custom auth is not used.
    expect(isVisible(webapp, { ...base, application_custom_auth: 'application_custom_auth_no', application_custom_auth_recovery: ['application_custom_auth_recovery_questions'] }, id)).toBe(false);
    // Without a login, the custom-auth answer is hidden and no longer opens the block.
    expect(isVisible(webapp, { ...base, application_authentication: ['application_authentication_roles'], application_custom_auth_recovery: ['application_custom_auth_recovery_questions'] }, id)).toBe(false);
  });
});

describe('security_privacy_programs.json', () => {
  // secprog_incidents_knowhow_where (a line): "secprog_incidents_knowhow_no && !^warn_secprog_incidents_knowhow_sensitiveproject",
  // where that tip is "secprog_incidents_knowhow_no && req_sensitive", inside block_incident_response ("secprog_incidentmanagement").
  // The controls checkgroup has no id in VSAQ; the importer derives one from its choices' common prefix.
  const controls = programs.sections.flatMap((s) => s.questions).find((q) => q.choices?.some((c) => c.id === 'secprog_incidentmanagement'))!.id;
  const answers = (sensitive: boolean, knowhow: 'yes' | 'no', incidentMgmt = true): Answers => ({
    options: sensitive ? ['req_sensitive'] : [],
    [controls]: incidentMgmt ? ['secprog_incidentmanagement'] : ['secprog_policies'],
    secprog_incidents_knowhow: `secprog_incidents_knowhow_${knowhow}`,
  });

  it('asks where incident know-how comes from only when the sensitive-project warning is not shown', () => {
    const id = 'secprog_incidents_knowhow_where';
    expect(isVisible(programs, answers(false, 'no'), id)).toBe(true);
    expect(isVisible(programs, answers(true, 'no'), id)).toBe(false);
    expect(isVisible(programs, answers(true, 'no'), 'warn_secprog_incidents_knowhow_sensitiveproject')).toBe(true);
    expect(isVisible(programs, answers(false, 'yes'), id)).toBe(false);
    expect(isVisible(programs, answers(false, 'no', false), id)).toBe(false);
  });
});
