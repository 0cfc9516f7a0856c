import Papa from 'papaparse';
import { TicketMapping, type TicketField } from '../../../shared/contracts/tickets.ts';
import { TICKET_FORMAT_INFO, presetDateOrder, type DateOrder } from '../../../shared/ticket-formats.ts';
import type { TicketMappingT } from './types.ts';

export type { DateOrder };

/** The import formats as the dialog offers them; names, hints and date orders are the server's presets'. */
export const FORMATS: { value: string; label: string; dateOrder: DateOrder; hint: string }[] = TICKET_FORMAT_INFO.map((f) => ({
  value: f.value,
  label: f.label,
  dateOrder: presetDateOrder(f.value),
  hint: f.hint,
}));

/** 'auto': the server reads the order from the file's values (a day above 12 shows it). */
export type DateOrderChoice = DateOrder | 'auto';

export const DATE_ORDERS = [
  { value: 'auto', label: 'Detect from the file' },
  { value: 'dmy', label: 'Day first (31/12/2026)' },
  { value: 'mdy', label: 'Month first (12/31/2026)' },
  { value: 'ymd', label: 'Year first (2026-12-31)' },
];

export const MAPPING_FIELDS: { field: TicketField; label: string; required?: boolean; hint?: string }[] = [
  { field: 'externalId', label: 'Ticket id', required: true },
  { field: 'openedAt', label: 'Opened at', required: true },
  { field: 'priority', label: 'Priority' },
  { field: 'status', label: 'Status' },
  { field: 'firstResponseAt', label: 'First response at' },
  { field: 'resolvedAt', label: 'Resolved at' },
  { field: 'closedAt', label: 'Closed at' },
  { field: 'eventAt', label: 'Updated at', hint: 'Required for an event log: when each update happened' },
  { field: 'sequence', label: 'Sequence', hint: 'Orders updates made in the same minute' },
  { field: 'title', label: 'Title' },
  { field: 'assignee', label: 'Assignee', hint: 'Event logs: who the ticket is assigned to (for the first-assignment rule)' },
];

/** How an event log's first response is taken (src/domain/sla/first-response.ts), in words. */
export const FIRST_RESPONSE_CHOICES: { value: NonNullable<TicketMappingT['firstResponse']>; label: string; hint: string }[] = [
  {
    value: 'working-status',
    label: 'First update out of the opening status',
    hint: 'A ticket first recorded in a working status (e.g. Active) counts as answered then. A ticket that goes from New straight to Resolved has its response not measured.',
  },
  { value: 'assignment', label: 'First assignment', hint: 'The first update that names an assignee (map the Assignee column). None before the resolution: not measured.' },
  { value: 'not-measured', label: 'Not measured', hint: 'The export cannot tell when a ticket was first answered: response targets are not measured for it.' },
];

/** The mapping without the two settings the import dialog shows for every format. */
export type MappingDraft = Omit<TicketMappingT, 'timeZone' | 'dateOrder'>;

export function blankMapping(): MappingDraft {
  return { shape: 'tickets', columns: {}, priorityMap: {}, statusMap: {}, missingValues: [] };
}

export function splitMapping(m: TicketMappingT): { draft: MappingDraft; timeZone: string; dateOrder: DateOrderChoice } {
  const { timeZone, dateOrder, ...draft } = m;
  return { draft, timeZone, dateOrder: dateOrder ?? 'auto' };
}

export interface Sample {
  header: string[];
  rows: string[][];
}

/** The first ~256 KB of a CSV (or gzipped CSV) file as text, decompressed in the browser. */
async function headText(file: File): Promise<string> {
  const limit = 256 * 1024;
  if (/\.gz$/i.test(file.name) && typeof DecompressionStream !== 'undefined') {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    void reader.cancel().catch(() => {});
    return text;
  }
  return file.slice(0, limit).text();
}

export const isSpreadsheet = (file: File) => /\.xlsx(\.gz)?$/i.test(file.name);

/** The header row and the first rows of a CSV, read in the browser so the user can pick columns. */
export async function readSample(file: File): Promise<Sample> {
  const text = (await headText(file)).replace(/^\uFEFF/, '');
  // Drop a last line that the size limit may have cut in half.
  const cut = text.length >= 256 * 1024 ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
  const parsed = Papa.parse<string[]>(cut, { preview: 1001, skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header: header.map((h) => h.trim()).filter(Boolean), rows };
}

/** Distinct values of a column in the sample (for priority and status mappings). */
export function distinctValues(sample: Sample | null, column: string | undefined, max = 30): string[] {
  if (!sample || !column) return [];
  const i = sample.header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
  if (i < 0) return [];
  const out = new Set<string>();
  for (const r of sample.rows) {
    const v = (r[i] ?? '').trim();
    if (v) out.add(v);
    if (out.size >= max) break;
  }
  return [...out].sort();
}

const GUESSES: Partial<Record<TicketField, RegExp>> = {
  externalId: /^(ticket|ticket.?id|id|number|issue.?key|key|incident|case|reference)$/i,
  openedAt: /^(opened|opened.?at|created|created.?at|open.?date|reported|submitted)$/i,
  priority: /^(priority|prio|severity|urgency)$/i,
  status: /^(status|state|incident.?state)$/i,
  firstResponseAt: /^(first.?response(.?at)?|responded(.?at)?|first.?reply(.?at)?)$/i,
  resolvedAt: /^(resolved|resolved.?at|solved|solved.?at|resolution.?date)$/i,
  closedAt: /^(closed|closed.?at|close.?date)$/i,
  eventAt: /^(updated|updated.?at|sys.?updated.?(at|on)|changed.?at|event.?time)$/i,
  title: /^(title|summary|subject|short.?description|description)$/i,
  assignee: /^(assignee|assigned.?to|owner)$/i,
};

/** Fill columns the user has not picked from header names that obviously match. */
export function guessColumns(columns: MappingDraft['columns'], header: string[]): MappingDraft['columns'] {
  const next = { ...columns };
  const used = new Set(Object.values(next));
  for (const [field, re] of Object.entries(GUESSES) as [TicketField, RegExp][]) {
    if (next[field]) continue;
    const hit = header.find((h) => re.test(h.trim()) && !used.has(h));
    if (hit) {
      next[field] = hit;
      used.add(hit);
    }
  }
  return next;
}

/** Let the browser save `text` as a file (no server round trip). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadMapping(mapping: TicketMappingT, name: string): void {
  const base = (name.trim() || 'ticket-mapping').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'ticket-mapping';
  downloadText(`${JSON.stringify(mapping, null, 2)}\n`, `${base}.json`, 'application/json');
}

/** Read a mapping JSON file (the CLI's --mapping file); throws a readable message. */
export async function readMappingFile(file: File): Promise<TicketMappingT> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not valid JSON.`);
  }
  // Accept a saved mapping as the API returns it, too.
  const candidate = json && typeof json === 'object' && 'mapping' in json ? (json as { mapping: unknown }).mapping : json;
  const parsed = TicketMapping.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file.name} is not a ticket mapping: ${first.path.join('.') || 'file'}: ${first.message}`);
  }
  return parsed.data;
}

