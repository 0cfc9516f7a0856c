import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatMoney } from '../../domain/money.ts';
import { INVOICE_IMPORT_FIELDS, InvoiceMappingInput, type InvoiceImportResult, type InvoiceMapping } from '../../shared/contracts/invoice-import.ts';
import { importInvoices, saveInvoiceMapping } from '../../server/modules/costs/costs.public.ts';
import { withDirect } from '../direct.ts';
import { readInput } from '../files.ts';
import { CliError, emit, formatTable } from '../output.ts';
import { commandContext } from '../target.ts';

/** The mapping file: { "name": "...", "columns": { "number": "Inv No", ... } }, checked like the API checks it. */
async function readMapping(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CliError('validation_failed', `The mapping file ${file} is not JSON: ${(e as Error).message}`);
  }
  const parsed = InvoiceMappingInput.safeParse(raw);
  if (!parsed.success) throw new CliError('validation_failed', `The mapping file ${file} is not a mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function registerInvoiceCommands(program: Command): void {
  const invoices = program.command('invoices').description('import invoices from an accounting export');
  invoices
    .command('import')
    .description('import invoices from an accounting export (CSV or .xlsx, one row per line), all or nothing; every check runs')
    .argument('<file>', 'CSV or .xlsx file, or - for stdin (CSV)')
    .requiredOption('--mapping <file>', 'JSON mapping of fields to the file’s column headers; saved under its name')
    .option('--dry-run', 'check the file and run the checks, without storing anything')
    .addHelpText(
      'after',
      '\nThe mapping file: {"name": "Finance export", "columns": {"number": "Inv No", ...}} with the fields\n' +
        INVOICE_IMPORT_FIELDS.map((f) => `  ${f.key.padEnd(14)}${f.label}${f.required ? ' (required)' : ''}`).join('\n') +
        '\n\nIf any row is rejected nothing is imported, every problem is listed (line, column, reason)\nand the exit code is 1.',
    )
    .action(async (file: string, flags: { mapping: string; dryRun?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const mapping = await readMapping(flags.mapping);
      const dryRun = !!flags.dryRun;
      const buf = await readInput(file);
      const fileName = file === '-' ? null : path.basename(file);
      const workbook = !!fileName && /\.xlsx$/i.test(fileName);
      const result =
        target.kind === 'remote'
          ? await (async () => {
              await target.api.json<InvoiceMapping>('PUT', '/api/v1/invoice-mappings', { json: mapping });
              return target.api.json<InvoiceImportResult>('POST', '/api/v1/invoices/import', {
                query: { mapping: mapping.name, dryRun, ...(fileName ? { fileName } : {}) },
                body: buf,
                contentType: workbook ? 'application/octet-stream' : 'text/csv',
              });
            })()
          : await withDirect(target, async (s) => {
              const ctx = await s.actingCtx();
              await saveInvoiceMapping(ctx, mapping);
              return importInvoices(ctx, buf, { mapping: mapping.name, dryRun, fileName });
            });
      emit(out, result, () => {
        const table = formatTable(result.invoices, [
          { header: 'line', value: (i) => i.line, align: 'right' },
          { header: 'vendor', value: (i) => i.vendor },
          { header: 'number', value: (i) => i.number },
          { header: 'total', value: (i) => formatMoney({ amountMinor: i.totalMinor, currency: i.currency }), align: 'right' },
          { header: 'failing checks', value: (i) => (i.failingChecks.length ? i.failingChecks.join(' | ') : 'none') },
        ]);
        const n = `${result.created} invoice${result.created === 1 ? '' : 's'} (${result.lines} line${result.lines === 1 ? '' : 's'})`;
        return dryRun ? `${table}\n\nDry run of ${file}: ${n} would be imported. Nothing was stored.` : `${table}\n\nImported ${file}: ${n}.`;
      });
    });
}
