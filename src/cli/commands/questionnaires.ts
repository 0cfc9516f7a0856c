import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { decodeText } from '../../server/http/text-decode.ts';
import { importQuestionnaire } from '../../server/modules/questionnaires/questionnaires.public.ts';
import { questionCountWords } from '../../shared/questionnaire-counts.ts';
import { withDirect } from '../direct.ts';
import { CliError, EXIT, emit } from '../output.ts';
import { commandContext } from '../target.ts';

interface ImportResult {
  templateId: string;
  version: number;
  questions: number;
  fromQuestions: number;
  fromTips: number;
  conditions: number;
  skipped: Array<{ id?: string; type?: string; reason: string }>;
}

export function describeImport(r: ImportResult): string {
  const lines = [`Imported questionnaire ${r.templateId} (version ${r.version}): ${questionCountWords(r)}; ${r.conditions} conditions.`];
  if (r.skipped.length) {
    lines.push(`${r.skipped.length} item(s) skipped:`);
    for (const s of r.skipped.slice(0, 20)) lines.push(`  ${s.id ?? '(no id)'}${s.type ? ` [${s.type}]` : ''}: ${s.reason}`);
    if (r.skipped.length > 20) lines.push(`  … and ${r.skipped.length - 20} more (use --json for all)`);
  }
  return lines.join('\n');
}

/** `outsight questionnaires …` (also `outsight templates …`, the group's first name). */
export function registerQuestionnaireCommands(program: Command): void {
  const questionnaires = program.command('questionnaires').alias('templates').description('due-diligence questionnaires');
  questionnaires
    .command('import')
    .description("import a questionnaire: Google's VSAQ JSON or an Outsight export")
    .argument('<file>', 'the questionnaire file')
    .addOption(new Option('--format <format>', 'vsaq or outsight').choices(['vsaq', 'outsight']).makeOptionMandatory())
    .option('--name <name>', 'name of the new questionnaire (default: the name in the file)')
    .addHelpText('after', '\nWith --json: {"templateId", "version", "questions", "fromQuestions", "fromTips", "conditions", "skipped": [{id, type, reason}]} (templateId is the new questionnaire\'s id).')
    .action(async (file: string, flags: { format: 'vsaq' | 'outsight'; name?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        throw new CliError('file_unreadable', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, undefined, EXIT.usage);
      }
      const result: ImportResult =
        target.kind === 'remote'
          ? await target.api.json<ImportResult>('POST', '/api/v1/questionnaires/import', { query: { format: flags.format, name: flags.name }, body: bytes, contentType: 'text/plain' })
          : // The service's policy decides who may import, as it does for the API.
            await withDirect(target, async (s) => importQuestionnaire(await s.actingCtx(), decodeText(bytes), flags));
      emit(out, result, () => describeImport(result));
    });
}
