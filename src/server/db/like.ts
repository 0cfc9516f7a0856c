/** `%text%` for ILIKE with the wildcards escaped, so a search for "100%" means exactly that. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
