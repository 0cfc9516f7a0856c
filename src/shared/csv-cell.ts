/**
 * A CSV cell that a spreadsheet will not run as a formula: text starting with =, +, -, @,
 * tab or CR gets a leading apostrophe (OWASP's advice for CSV injection). Numbers and
 * booleans we produce ourselves are left as they are; null and undefined are empty.
 * Used by every CSV the server, the CLI and the web UI write.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
