import type { Command } from 'commander';
import type { Project, SourcingMatrix } from '../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../server/context.ts';
import { exportProject, listProjects, matrixCsv, type SourcingExport } from '../../server/modules/sourcing/sourcing.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, EXIT, emit, formatTable } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 200;
const notFound = (what: string) => new CliError('not_found', `No sourcing project named or numbered "${what}".`, undefined, EXIT.failed);

/** A project named by its id or its name (case-insensitive; a name shared by several is refused). */
async function findId(what: string, list: (cursor?: string) => Promise<{ items: Array<{ id: string; name: string }>; nextCursor: string | null }>): Promise<string> {
  if (UUID.test(what)) return what;
  const hits: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    hits.push(...page.items.filter((p) => p.name.toLowerCase() === what.trim().toLowerCase()).map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (!hits.length) throw notFound(what);
  if (hits.length > 1) throw new CliError('validation_failed', `${hits.length} projects are named "${what}"; give the id instead.`, undefined, EXIT.usage);
  return hits[0];
}

async function direct(ctx: Ctx, what: string): Promise<SourcingExport> {
  const id = await findId(what, (cursor) => listProjects(ctx, { limit: PAGE, cursor }));
  return exportProject(ctx, id);
}

async function remote(api: RemoteApi, what: string): Promise<SourcingExport> {
  const id = await findId(what, (cursor) => api.json<{ items: Array<{ id: string; name: string }>; nextCursor: string | null }>('GET', '/api/v1/sourcing-projects', { query: { limit: PAGE, cursor } }));
  const [project, matrix] = await Promise.all([api.json<Project>('GET', `/api/v1/sourcing-projects/${id}`), api.json<SourcingMatrix>('GET', `/api/v1/sourcing-projects/${id}/matrix`)]);
  return { project, matrix };
}

/** The project for people: the need's headline, the check, the matrix, how robust it is, and the pilots with their criteria. */
function inWords(e: SourcingExport): string {
  const p = e.project;
  const lines = [`${p.name} — ${p.statusLabel}`, `Scope: ${p.scope}`];
  if (p.check) lines.push(`Should we outsource? ${p.check.decisionLabel}: ${p.check.rationale}`);
  lines.push('', 'Comparison (scores 0–5):');
  lines.push(
    e.matrix.rows.length
      ? formatTable(e.matrix.rows, [
          { header: 'rank', value: (r) => r.rank, align: 'right' },
          { header: 'candidate', value: (r) => r.vendorName },
          { header: 'total', value: (r) => r.total.toFixed(2), align: 'right' },
          { header: 'spread', value: (r) => (r.spread === null ? null : r.spread.toFixed(2)), align: 'right' },
          { header: 'disagreement', value: (r) => [r.disagreement ? 'totals' : '', ...r.cells.filter((c) => c.disagreement).map((c) => e.matrix.criteria.find((x) => x.id === c.criterionId)?.name ?? '')].filter(Boolean).join(', ') || null },
        ])
      : 'No candidates yet.',
  );
  lines.push(e.matrix.robustness);
  for (const pilot of p.pilots) {
    lines.push('', `Pilot of ${pilot.vendorName} (${pilot.startsOn} to ${pilot.endsOn}): ${pilot.statusLabel}${pilot.decision ? ` — ${pilot.decision.rationale}` : ''}`);
    for (const c of pilot.criteria) lines.push(`  ${c.met === null ? 'not measured' : c.met ? 'met' : 'NOT MET'}: ${c.label} — ${c.measured}; ${c.by}`);
  }
  return lines.join('\n');
}

export function registerSourcingCommands(program: Command): void {
  const sourcing = program.command('sourcing').description('choosing a vendor: export a sourcing project with its comparison matrix');
  sourcing
    .command('export')
    .description('a sourcing project (by id or name): the need, the check, the comparison matrix, its robustness and the pilots')
    .argument('<project>', 'the project id or its name')
    .option('--csv', 'print the comparison matrix as CSV (one line per candidate)')
    .action(async (what: string, flags: { csv?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const e = target.kind === 'remote' ? await remote(target.api, what) : await withDirect(target, async (s) => direct(await s.actingCtx(), what));
      if (flags.csv && !out.json) process.stdout.write(matrixCsv(e));
      else emit(out, e, () => inWords(e));
    });
}
