import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, getTableColumns, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { ENTITY_BY_NAME } from '../entities/registry.ts';

const HIDDEN = new Set(['orgId', 'search']);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One entity of the organization as CSV (header = API field names; lists and objects as JSON), filtered
 * by the entity's equality filters (`?productId=…`). Columns named like import fields (title, spec,
 * status, effort, text, why, …) import back with `sextant import csv`.
 */
export async function exportEntityCsv(
  ctx: ServiceContext,
  name: string,
  params: Record<string, string>,
): Promise<string> {
  const def = ENTITY_BY_NAME.get(name);
  if (!def) throw new DomainError('not_found', `no entity "${name}" to export`);
  const cols = getTableColumns(def.table) as Record<string, PgColumn>;
  const where: SQL[] = [eq(cols.orgId!, ctx.orgId)];
  for (const [key, value] of Object.entries(params)) {
    if (!def.filters.includes(key)) {
      throw new DomainError(
        'invalid_input',
        `${key}: not a filter of ${def.name}; use ${def.filters.join(', ') || 'none'}`,
        {
          issues: [{ path: [key], message: 'unknown filter' }],
        },
      );
    }
    if (cols[key]!.columnType === 'PgUUID' && value !== 'null' && !/^[0-9a-f-]{36}$/i.test(value)) {
      throw new DomainError('invalid_input', `${key}: must be a UUID`, {
        issues: [{ path: [key], message: 'must be a UUID' }],
      });
    }
    where.push(value === 'null' ? isNull(cols[key]!) : eq(cols[key]!, value));
  }
  const rows = (await ctx.store.db
    .select()
    .from(def.table)
    .where(and(...where))
    .orderBy(asc(cols.createdAt ?? cols.id!), asc(cols.id!))) as Record<string, unknown>[];
  const header = Object.keys(cols).filter((k) => !HIDDEN.has(k));
  return stringify([header, ...rows.map((r) => header.map((k) => cell(r[k])))]);
}
