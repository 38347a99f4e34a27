import type { RawQuery } from '../../store/rawTransaction.ts';

export interface TableInfo {
  name: string;
  /** Columns a backup carries (generated columns are recomputed on restore). */
  columns: string[];
  /** Primary key columns, for a stable row order. */
  key: string[];
}

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The store's tables (schema public) in an order where every table comes after the tables its foreign
 * keys point to, so a restore can insert them one after another with every constraint on.
 */
export async function storeTables(query: RawQuery): Promise<TableInfo[]> {
  const cols = await query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const keys = await query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
     WHERE n.nspname = 'public' AND i.indisprimary ORDER BY c.relname, a.attnum`,
  );
  const fks = await query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const tables = new Map<string, TableInfo>();
  for (const r of cols) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [], key: [] };
    t.columns.push(r.column);
    tables.set(r.table, t);
  }
  for (const r of keys) tables.get(r.table)?.key.push(r.column);
  const parents = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const f of fks) parents.get(f.child)?.add(f.parent);
  // Kahn's algorithm, alphabetical among the ready ones so the order is the same on every store.
  const out: TableInfo[] = [];
  const placed = new Set<string>();
  while (out.length < tables.size) {
    const ready = [...tables.keys()]
      .filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0) throw new Error('the schema has a cycle of foreign keys; cannot order a backup');
    for (const t of ready) {
      placed.add(t);
      out.push(tables.get(t)!);
    }
  }
  return out;
}

/** The applied migrations (drizzle's journal), oldest first: the schema version of the store. */
export async function migrationState(query: RawQuery): Promise<{ hash: string; createdAt: string }[]> {
  const rows = await query<{ hash: string; created_at: string }>(
    'SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id',
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: String(r.created_at) }));
}
