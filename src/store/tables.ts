import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** Column lookup by property name, for the generic repository (names come from the entity registry). */
export function columnsOf(table: PgTable): Record<string, PgColumn> {
  return getTableColumns(table) as Record<string, PgColumn>;
}

export function tableName(table: PgTable): string {
  return getTableName(table);
}
