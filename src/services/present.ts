/** Turns a stored row into its API shape: no internal columns, dates as ISO strings. */
export function present(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'orgId' || key === 'search' || key === 'passwordHash') continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
