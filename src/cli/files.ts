import { readFile } from 'node:fs/promises';
import { CliError, EXIT } from './output.ts';

/** A file named on the command line, or stdin for "-"; an unreadable file is a usage error naming it. */
export async function readInput(file: string): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (err) {
    throw new CliError('file_unreadable', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, undefined, EXIT.usage);
  }
}

/** A JSON file named on the command line; bad JSON is a usage error with the parser's words. */
export async function readJsonInput(file: string): Promise<unknown> {
  const text = (await readInput(file)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError('invalid_json', `${file} is not valid JSON: ${(err as Error).message}`, undefined, EXIT.usage);
  }
}
