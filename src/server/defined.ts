/**
 * The fields of a patch that were given: an omitted field (undefined) keeps the stored value,
 * while null clears it. Services build their repository patches with this.
 */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
