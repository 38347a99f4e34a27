// Internal columns: the organization is the caller's own, the search vector is for WHERE only.
const INTERNAL_FIELDS = new Set(['orgId', 'search', 'passwordHash']);

export function isInternalField(key: string): boolean {
  return INTERNAL_FIELDS.has(key);
}

/** Turns a stored row into its API shape: no internal columns, dates as ISO strings. */
export function present(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (INTERNAL_FIELDS.has(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
