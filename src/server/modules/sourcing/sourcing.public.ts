/**
 * The sourcing module (choosing a vendor: the need, the should-we-outsource check,
 * candidates, the comparison matrix, references, interviews, pilots and the go / no-go) as
 * the CLI, seeds, builders and the dashboard see it (lint rule outsight/public-surface).
 */
export { answerCheck, createProject, DEFAULT_CRITERIA, getProject, listProjects, setCriteria, updateProject } from './projects.ts';
export { addCandidate, addInterview, addReference, openProposal, recordProposal, saveScores, sendRfi } from './candidates.ts';
export { attachProposalFile, downloadProposalFile } from './proposal-files.ts';
export { projectMatrix } from './matrix.ts';
export { decidePilot, getPilot, startPilot } from './pilots.ts';
export { exportProject, matrixCsv, type SourcingExport } from './export.ts';
export { sourcingFeed } from './feed.ts';
