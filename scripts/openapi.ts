// Writes the OpenAPI document the server generates from its zod contracts to
// docs/openapi.json (checked in, so a change to the API shows in review), or with
// --check fails when the checked-in file is stale, as check:migrations does for the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Db } from '../src/server/db/client.ts';
import { createMailer } from '../src/server/mail/mailer.ts';

const FILE = 'docs/openapi.json';
const config = loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent', OUTSIGHT_DEMO: '0' });
// Building the routes touches no database; the document needs none.
const app = await buildApp({ db: {} as Db, config, now: () => new Date(), mailer: createMailer({ smtpUrl: null, from: config.mailFrom, log: pino({ level: 'silent' }) }) });
const text = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    console.error(`${FILE} does not match the API's contracts. Run "npm run openapi" and commit the file.`);
    process.exit(1);
  }
  console.log(`${FILE} matches the API.`);
} else {
  writeFileSync(FILE, text);
  console.log(`Wrote ${FILE}.`);
}
