/**
 * Reads a JSON object given as an attribute, entry by entry: the lazy parts' own settings (`category-text`,
 * `onetrust-groups`). Returns the entries, or what is wrong as a phrase for the warning.
 */
export function jsonEntries(raw: string, max = 50): [string, unknown][] | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const entries = Object.entries(value);
  return entries.length > max ? `has more than ${max} entries` : entries;
}
