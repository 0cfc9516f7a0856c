import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../../shared/csv-cell.ts';
import type { Project, SourcingMatrix } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { buildMatrix } from './matrix.ts';
import { getProject, requireProject } from './projects.ts';

export interface SourcingExport {
  project: Project;
  matrix: SourcingMatrix;
}

/** A project with its matrix, for `outsight sourcing export` (JSON) and its CSV. */
export async function exportProject(ctx: Ctx, id: string): Promise<SourcingExport> {
  const row = await requireProject(ctx, id);
  return { project: await getProject(ctx, id), matrix: await buildMatrix(ctx, row) };
}

/** The comparison matrix as CSV: one line per candidate, a column per criterion, then the total, rank and spread. */
export function matrixCsv(e: SourcingExport): string {
  const head = ['Rank', 'Candidate', ...e.matrix.criteria.map((c) => `${c.name} (${c.weight})`), 'Weighted total', 'Spread between evaluators', 'Evaluators disagree'];
  const lines = e.matrix.rows.map((r) => [
    String(r.rank),
    r.vendorName,
    ...r.cells.map((c) => (c.score === null ? '' : c.score.toFixed(2))),
    r.total.toFixed(2),
    r.spread === null ? '' : r.spread.toFixed(2),
    r.disagreement ? 'yes' : 'no',
  ]);
  return '\ufeff' + stringify([head, ...lines].map((l) => l.map(safeCell)));
}
