import { and, eq, inArray, sql } from 'drizzle-orm';
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
