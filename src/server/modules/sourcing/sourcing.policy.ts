import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../shared/contracts/sourcing.ts';
import { definePolicy } from '../../policy.ts';
import type { CandidateInProject, PilotRow, ProjectRow } from './sourcing.repo.ts';

const is = (p: ProjectRow) => `The sourcing project is ${PROJECT_STATUS_LABELS[p.status as ProjectStatus]?.toLowerCase() ?? p.status}`;
const inState =
  (states: readonly ProjectStatus[], what: string) =>
  (p: ProjectRow): true | string =>
    states.includes(p.status as ProjectStatus) || `${is(p)}; ${what}.`;

const needEditable = inState(['draft', 'checked', 'evaluating'], 'the need can be edited until a pilot starts');
const checkable = inState(['draft', 'checked'], 'the should-we-outsource check is answered before candidates are compared');
const comparing = inState(['checked', 'evaluating'], 'candidates are attached once the check says to outsource, and until a pilot starts');
const evaluating = inState(['evaluating'], 'candidates are scored while the project is evaluating');
const weighable = inState(['draft', 'checked', 'evaluating'], 'the weights are settled before a pilot starts');
const learning = inState(['evaluating', 'pilot'], 'references and interviews are recorded while candidates are evaluated or piloted');

/**
 * Sourcing projects are internal: vendor contacts (the candidates' own people) never see a
 * project, the other candidates or the scores; their request for information reaches them
 * through the questionnaire portal, where they see only their own.
 * State: draft → checked (the should-we-outsource check says outsource) → evaluating (a
 * candidate attached) → pilot (a pilot started) → decided (a "go"); a "no-go" returns to evaluating.
 */
export const projectPolicy = definePolicy<ProjectRow, 'list' | 'read' | 'create' | 'update' | 'check' | 'criteria' | 'addCandidate' | 'startPilot'>({
  label: 'The sourcing project',
  actions: {
    list: { permission: 'sourcing.read' },
    read: { permission: 'sourcing.read' },
    create: { permission: 'sourcing.write' },
    update: { permission: 'sourcing.write', when: needEditable },
    check: { permission: 'sourcing.write', when: checkable },
    criteria: { permission: 'sourcing.write', when: weighable },
    addCandidate: {
      permission: 'sourcing.write',
      when: (p) => (p.status === 'checked' && p.check?.decision === 'do_not_outsource' ? 'The check decided not to outsource; answer it again before naming candidates.' : comparing(p)),
    },
    startPilot: { permission: 'sourcing.write', when: evaluating },
  },
});

const proposalOpen = (c: CandidateInProject) => !c.proposalOpenedAt || 'The proposal is already opened; it is kept as it was read.';
/** Files come with a recorded proposal and are sealed with it: none added once it is read, none read before. */
const attachable = (c: CandidateInProject) => {
  const s = comparing(c.project);
  if (s !== true) return s;
  if (!c.proposalReceivedOn) return 'Record the proposal before attaching its files.';
  return proposalOpen(c);
};
const unsealed = (c: CandidateInProject) => c.proposalOpenedAt !== null || 'The proposal is sealed until it is opened; its files can be read after that.';
export const candidatePolicy = definePolicy<CandidateInProject, 'read' | 'proposal' | 'openProposal' | 'attach' | 'readFile' | 'rfi' | 'score' | 'reference' | 'interview'>({
  label: 'The candidate',
  actions: {
    read: { permission: 'sourcing.read' },
    proposal: { permission: 'sourcing.write', when: (c) => (comparing(c.project) === true ? proposalOpen(c) : comparing(c.project)) },
    openProposal: {
      permission: 'sourcing.write',
      when: (c) => {
        const s = comparing(c.project);
        if (s !== true) return s;
        if (!c.proposalReceivedOn) return 'No proposal is recorded for this candidate yet.';
        return proposalOpen(c);
      },
    },
    attach: { permission: 'sourcing.write', when: attachable },
    readFile: { permission: 'sourcing.read', when: unsealed },
    rfi: { permission: 'sourcing.write', when: (c) => (comparing(c.project) === true ? !c.rfiAssessmentId || 'A request for information was already sent to this candidate.' : comparing(c.project)) },
    score: { permission: 'sourcing.score', when: (c) => evaluating(c.project) },
    reference: { permission: 'sourcing.score', when: (c) => learning(c.project) },
    interview: { permission: 'sourcing.score', when: (c) => learning(c.project) },
  },
});

export const pilotPolicy = definePolicy<PilotRow, 'read' | 'decide'>({
  label: 'The pilot',
  actions: {
    read: { permission: 'sourcing.read' },
    decide: { permission: 'sourcing.decide', when: (p) => p.status === 'running' || `The pilot was already decided (${p.status === 'go' ? 'go' : 'no-go'}).` },
  },
});
