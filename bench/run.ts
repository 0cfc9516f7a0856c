/**
 * Benchmark runner: `npm run bench` (tables) or `npm run bench -- --json` (tables, then
 * one JSON object with the ratios as the last stdout line, for CI).
 * Options: --only=id[,id] to run some sections, --n=… / --sample=… to shrink a run.
 * Progress goes to stderr so stdout stays parseable. Exits 1 if any section reports
 * results that differ from the engine (a benchmark of wrong answers is worthless).
 *
 * Sections are a list: add new ones (e.g. CSV import) to SECTIONS.
 */
import os from 'node:os';
import type { BenchOptions, SectionResult } from './bench-types.ts';
import { benchBusinessHours } from './sla-business-hours.ts';
import { benchCosts } from './costs.ts';
import { benchFullPass } from './sla-full-pass.ts';
import { benchRiskSignals } from './risk-signals.ts';
import { benchSlaLoad } from './sla-load.ts';
import { benchSlaReport } from './sla-report.ts';
import { benchTicketImport } from './ticket-import.ts';

export interface BenchSection {
  readonly id: string;
  readonly run: (opts: BenchOptions) => Promise<SectionResult>;
}

export const SECTIONS: BenchSection[] = [
  { id: 'sla-business-hours', run: benchBusinessHours },
  { id: 'sla-full-pass', run: benchFullPass },
  // Needs the PostgreSQL server at 127.0.0.1:5432 (OUTSIGHT_BENCH_PG_URL); wall-clock timed.
  { id: 'ticket-import', run: benchTicketImport },
  // The SLA report, ticket list and overview through the services (PostgreSQL; issue: SLA at enterprise scale).
  { id: 'sla-report', run: benchSlaReport },
  // The report and the overview under 50 connections against the real server process, its RSS sampled (PostgreSQL).
  { id: 'sla-load', run: benchSlaLoad },
  // Every risk signal rule over a generated portfolio, and a second evaluation that writes nothing (issue 13).
  { id: 'risk-signals', run: benchRiskSignals },
  // Invoice import with every check against a raw COPY, and the portfolio spend report (PostgreSQL; issue 12).
  { id: 'costs', run: benchCosts },
];

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
}

const fmt = (x: number, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${fmt(ms / 1000)} s` : `${fmt(ms)} ms`;
}

function printSection(r: SectionResult): void {
  const head = ['implementation', 'ns/op', 'timed ops', 'time for all ops', 'mismatches'];
  const body = r.rows.map((row) => [
    row.name,
    fmt(row.nsPerOp),
    row.timedOps.toLocaleString('en-US'),
    formatMs(row.totalMs) + ((row.scaled ?? row.mismatches !== null) ? ' (scaled)' : ''),
    row.mismatches === null ? '—' : String(row.mismatches),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n## ${r.title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  // Not every entry is a ratio: the suffix names the unit (ms, MB, requests/s, a count).
  const unit = (name: string, v: number) =>
    name.endsWith('Ms') ? `${name}: ${v.toFixed(1)} ms` : name.endsWith('Mb') ? `${name}: ${v.toFixed(0)} MB` : name.endsWith('Rps') ? `${name}: ${v.toFixed(1)} requests/s` : name.endsWith('Failed') ? `${name}: ${v}` : `ratio ${name}: ${v.toFixed(2)}×`;
  for (const [name, value] of Object.entries(r.ratios)) console.log(unit(name, value));
  for (const note of r.notes) console.log(`- ${note}`);
}

async function main(): Promise<void> {
  const json = arg('json') !== undefined;
  const only = arg('only')?.split(',').filter(Boolean);
  const n = arg('n') ? Number(arg('n')) : undefined;
  const sample = arg('sample') ? Number(arg('sample')) : undefined;
  const machine = {
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg()[0],
  };
  console.log(`# Outsight benchmarks — node ${machine.node}, ${machine.cpu} × ${machine.cores}, ${machine.platform}, ${machine.memoryGb} GB`);
  console.log(`load average at start: ${machine.loadAverage.toFixed(2)} (timings are noisy on a busy machine; ratios less so)`);

  const results: SectionResult[] = [];
  for (const section of SECTIONS) {
    if (only && !only.includes(section.id)) continue;
    const r = await section.run({ n, sample, log: (l) => process.stderr.write(`[${section.id}] ${l}\n`) });
    printSection(r);
    results.push(r);
  }
  const mismatches = results.reduce((s, r) => s + r.mismatches, 0);
  if (mismatches > 0) {
    console.log(`\nFAILED: ${mismatches} results differ from the engine`);
    process.exitCode = 1;
  }
  if (json) {
    const ratios: Record<string, number> = {};
    const nsPerOp: Record<string, Record<string, number>> = {};
    for (const r of results) {
      for (const [k, v] of Object.entries(r.ratios)) ratios[`${r.id}.${k}`] = Math.round(v * 100) / 100; // two decimals: 2.02 against a 1.3× target must not read as 2
      nsPerOp[r.id] = Object.fromEntries(r.rows.map((row) => [row.name, Math.round(row.nsPerOp * 10) / 10]));
    }
    console.log(JSON.stringify({ ratios, mismatches, nsPerOp, machine }));
  }
}

await main();
