import { Presets, SingleBar } from 'cli-progress';
import type { TicketImportProgress } from '../../shared/contracts/tickets.ts';
import type { Out } from '../output.ts';
import type { RemoteApi } from '../target.ts';

const nf = new Intl.NumberFormat('en-US');
export const count = (n: number) => nf.format(n);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** The import's phases as the bar names them (padded so the bar does not jump). */
const PHASE_WORDS = { reading: 'Reading  ', checking: 'Checking ', saving: 'Saving   ' } as const;
export type ImportPhaseName = keyof typeof PHASE_WORDS;

/**
 * A byte-counting progress bar on stderr: only for people (a terminal, no --json), so
 * scripts and logs never see control characters. Besides the bytes sent it shows what
 * the import reports: its phase (reading, checking, saving), rows read, rows rejected.
 */
export class ImportProgressBar {
  private readonly bar: SingleBar | null;
  private bytes = 0;
  private rows = 0;
  private rejected = 0;
  private phase: string;

  constructor(
    out: Out,
    private readonly total: number | null,
    phase: string,
    /** Once the whole file is read: the service still stores it (or the server does). */
    private readonly afterRead: string,
  ) {
    this.phase = phase;
    this.bar =
      process.stderr.isTTY && !out.json && total !== null
        ? new SingleBar(
            { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {done}/{size} MB | {rows} rows, {rejected} rejected', hideCursor: true, clearOnComplete: true, fps: 8 },
            Presets.shades_classic,
          )
        : null;
    this.bar?.start(Math.max(total ?? 0, 1), 0, this.payload());
  }

  /** Whether anyone sees the bar (a terminal, no --json): asking the server for progress is for them. */
  get shown(): boolean {
    return this.bar !== null;
  }

  private payload() {
    return { phase: this.phase, done: mb(this.bytes), size: mb(this.total ?? 0), rows: this.rows ? count(this.rows) : '-', rejected: count(this.rejected) };
  }

  private redraw() {
    this.bar?.update(Math.min(this.bytes, this.total ?? this.bytes), this.payload());
  }

  addBytes(n: number) {
    this.bytes += n;
    this.redraw();
  }

  /** What the import says: rows read and rejected so far, and its phase once past reading. */
  report(p: { phase: ImportPhaseName | null; rows: number; rejected: number }) {
    this.rows = p.rows;
    this.rejected = p.rejected;
    // While bytes still flow, the bar says so; the server's phase takes over after.
    if (p.phase && p.phase !== 'reading') this.phase = PHASE_WORDS[p.phase];
    this.redraw();
  }

  setPhase(phase: string) {
    this.phase = phase;
    this.redraw();
  }

  /** Each chunk passes through unchanged; the bar moves by its size. */
  async *count(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      this.addBytes(chunk.length);
      yield chunk;
    }
    this.setPhase(this.afterRead);
  }

  stop() {
    this.bar?.stop();
  }
}

/**
 * Asks the server every second where the import started under `key` is, until stopped.
 * A failed poll is skipped: progress is a courtesy, the upload's answer is what counts.
 */
export function pollProgress(api: RemoteApi, key: string, onProgress: (p: TicketImportProgress) => void, everyMs = 1_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const p = await api.json<TicketImportProgress>('GET', `/api/v1/ticket-import-progress/${key}`);
      if (!stopped && p.running) onProgress(p);
    } catch {
      // The next tick tries again.
    }
    if (!stopped) timer = setTimeout(() => void tick(), everyMs);
  };
  timer = setTimeout(() => void tick(), everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
