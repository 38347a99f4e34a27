import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';
import { auditLog } from './schema.ts';
import { columnsOf } from './tables.ts';

/**
 * Generic reads and writes for organization-owned tables. Every statement is scoped by org_id;
 * rules (validation, authorization, audit content) live in the services.
 */
export type Row = Record<string, unknown>;

function cols(table: PgTable): Record<string, PgColumn> & { id: PgColumn; orgId: PgColumn } {
  return columnsOf(table) as Record<string, PgColumn> & { id: PgColumn; orgId: PgColumn };
}

export async function findRow(db: Db, table: PgTable, orgId: string, id: string): Promise<Row | undefined> {
  const c = cols(table);
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .limit(1);
  return rows[0] as Row | undefined;
}

/** Locks the row for the rest of the transaction (used before updates to read `before`). */
export async function findRowForUpdate(
  db: Db,
  table: PgTable,
  orgId: string,
  id: string,
): Promise<Row | undefined> {
  const c = cols(table);
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .for('update');
  return rows[0] as Row | undefined;
}

/** Which of `ids` exist in `table` within the organization. */
export async function existingIds(
  db: Db,
  table: PgTable,
  orgId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const c = cols(table);
  const rows = await db
    .select({ id: c.id })
    .from(table)
    .where(and(eq(c.orgId, orgId), inArray(c.id, ids)));
  return new Set(rows.map((r) => String(r.id)));
}

export async function insertRow(db: Db, table: PgTable, values: Row): Promise<Row> {
  const rows = (await db.insert(table).values(values).returning()) as Row[];
  return rows[0]!;
}

export async function updateRow(
  db: Db,
  table: PgTable,
  orgId: string,
  id: string,
  values: Row,
): Promise<Row> {
  const c = cols(table);
  const set: Row = { ...values };
  if (c.version) set.version = sql`${c.version} + 1`;
  if (c.updatedAt) set.updatedAt = sql`now()`;
  const rows = (await db
    .update(table)
    .set(set)
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .returning()) as Row[];
  return rows[0]!;
}

export async function deleteRow(db: Db, table: PgTable, orgId: string, id: string): Promise<Row | undefined> {
  const c = cols(table);
  const rows = (await db
    .delete(table)
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .returning()) as Row[];
  return rows[0];
}

export interface ListQuery {
  where: SQL[];
  sort: string;
  order: 'asc' | 'desc';
  /** The sort value and id of the last row of the previous page. */
  after?: { value: unknown; id: string };
  limit: number;
}

/** A page of rows ordered by (sort, id), continuing after the cursor; returns one extra row to detect more. */
export async function listRows(db: Db, table: PgTable, orgId: string, q: ListQuery): Promise<Row[]> {
  const c = cols(table);
  const sortCol = c[q.sort]!;
  const conditions: SQL[] = [eq(c.orgId, orgId), ...q.where];
  if (q.after) {
    const op = q.order === 'asc' ? sql`>` : sql`<`;
    conditions.push(sql`(${sortCol}, ${c.id}) ${op} (${q.after.value}, ${q.after.id})`);
  }
  const dir = q.order === 'asc' ? asc : desc;
  // The search vector is for WHERE only; shipping it would roughly double a feedback page's bytes.
  const { search: _search, ...listed } = c;
  return (await db
    .select(listed)
    .from(table)
    .where(and(...conditions))
    .orderBy(dir(sortCol), dir(c.id))
    .limit(q.limit + 1)) as Row[];
}

export interface AuditEntry {
  orgId: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
