import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { type ListFilter, listRows } from '../../store/entityList.ts';
import {
  deleteRow,
  existingIds,
  findRow,
  findRowForUpdate,
  insertRow,
  type Row,
  updateRow,
} from '../../store/entityRepository.ts';
import { customFields } from '../../store/schema.ts';
import { columnsOf } from '../../store/tables.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { translateDatabaseError } from '../databaseErrors.ts';
import { isInternalField, present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import type { EntityDefinition } from './entityDefinition.ts';
import { ENTITY_RULES } from './entityRules.ts';

export type Entity = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates `raw` with `schema`, or throws invalid_input listing every problem by path. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.map(String), message: i.message }));
  const first = issues[0]!;
  const where = first.path.length ? ` at ${first.path.join('.')}` : '';
  throw new DomainError('invalid_input', `invalid ${what}${where}: ${first.message}`, { issues });
}

async function checkReferences(
  tx: Db,
  ctx: ServiceContext,
  def: EntityDefinition,
  input: Row,
): Promise<void> {
  const problems: { path: string[]; message: string }[] = [];
  for (const r of def.references) {
    if (!(r.field in input)) continue;
    const ids = [...new Set(r.ids(input).filter((v) => typeof v === 'string'))];
    if (ids.length === 0) continue;
    const found = await existingIds(tx, r.table, ctx.orgId, ids);
    for (const id of ids) {
      if (!found.has(id))
        problems.push({ path: [r.field], message: `no ${r.label} ${id} in this organization` });
    }
  }
  if (problems.length > 0) {
    throw new DomainError('unknown_reference', problems[0]!.message, { issues: problems });
  }
}

async function checkCustomFields(
  tx: Db,
  ctx: ServiceContext,
  def: EntityDefinition,
  input: Row,
): Promise<void> {
  if (!def.customFields || !input.custom) return;
  const values = input.custom as Record<string, unknown>;
  const keys = Object.keys(values);
  if (keys.length === 0) return;
  const defs = await tx
    .select()
    .from(customFields)
    .where(
      and(
        eq(customFields.orgId, ctx.orgId),
        eq(customFields.entity, def.customFields),
        inArray(customFields.key, keys),
      ),
    );
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const problems: { path: string[]; message: string }[] = [];
  for (const key of keys) {
    const field = byKey.get(key);
    const v = values[key];
    const path = ['custom', key];
    if (!field) {
      problems.push({ path, message: `no custom field "${key}" is defined for ${def.customFields}s` });
      continue;
    }
    if (v === null) continue;
    const bad = (message: string) => problems.push({ path, message });
    switch (field.type) {
      case 'number':
        if (typeof v !== 'number') bad('must be a number');
        break;
      case 'text':
        if (typeof v !== 'string') bad('must be text');
        break;
      case 'date':
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
          bad('must be a date YYYY-MM-DD');
        break;
      case 'single_select':
        if (typeof v !== 'string' || !field.options.includes(v))
          bad(`must be one of ${field.options.join(', ')}`);
        break;
      case 'multi_select':
        if (!Array.isArray(v) || v.some((x) => !field.options.includes(x)))
          bad(`must be a list of ${field.options.join(', ')}`);
        break;
    }
  }
  if (problems.length > 0) throw new DomainError('invalid_input', problems[0]!.message, { issues: problems });
}

/** Creates a row from API input: validates, checks references and custom fields, audits — in one transaction. */
export async function createEntity(
  ctx: ServiceContext,
  def: EntityDefinition,
  raw: unknown,
): Promise<Entity> {
  const input = parseInput(def.create, raw, def.label);
  const rules = ENTITY_RULES[def.name];
  return inTransaction(ctx, async (tx) => {
    await checkReferences(tx, ctx, def, input);
    await checkCustomFields(tx, ctx, def, input);
    rules?.validate?.(input, undefined);
    await rules?.verify?.(tx, ctx, input);
    let row: Row;
    try {
      row = await insertRow(tx, def.table, { ...input, ...rules?.stamp?.(ctx), orgId: ctx.orgId });
    } catch (err) {
      translateDatabaseError(err, def.label);
    }
    const out = present(row);
    await writeAudit(tx, ctx, 'create', def.name, String(row.id), null, out);
    await rules?.afterWrite?.(tx, ctx, undefined, out);
    return out;
  });
}

/**
 * Updates a row; with `expectedVersion` (from If-Match) a concurrent change since the client read it
 * is refused with version_mismatch instead of being overwritten.
 */
export async function updateEntity(
  ctx: ServiceContext,
  def: EntityDefinition,
  id: string,
  raw: unknown,
  expectedVersion?: number,
): Promise<Entity> {
  if (!def.update)
    throw new DomainError('unprocessable', `${def.label} records cannot be changed once written`);
  const input = parseInput(def.update, raw, def.label);
  const rules = ENTITY_RULES[def.name];
  return inTransaction(ctx, async (tx) => {
    const beforeRow = await findRowForUpdate(tx, def.table, ctx.orgId, id);
    if (!beforeRow) throw notFound(def.label, id);
    checkVersion(def, beforeRow, expectedVersion);
    await checkReferences(tx, ctx, def, input);
    await checkCustomFields(tx, ctx, def, input);
    const before = present(beforeRow);
    rules?.validate?.({ ...before, ...input }, before);
    await rules?.verify?.(tx, ctx, { ...before, ...input });
    let row: Row;
    try {
      row = await updateRow(tx, def.table, ctx.orgId, id, input);
    } catch (err) {
      translateDatabaseError(err, def.label);
    }
    const after = present(row);
    await writeAudit(tx, ctx, 'update', def.name, id, before, after);
    await rules?.afterWrite?.(tx, ctx, before, after);
    return after;
  });
}

function checkVersion(def: EntityDefinition, row: Row, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new DomainError(
      'version_mismatch',
      `the ${def.label} was changed by someone else (now version ${row.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      { currentVersion: row.version },
    );
  }
}

export async function deleteEntity(
  ctx: ServiceContext,
  def: EntityDefinition,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  if (!def.deletable) throw new DomainError('unprocessable', `${def.label} records cannot be deleted`);
  await inTransaction(ctx, async (tx) => {
    const beforeRow = await findRowForUpdate(tx, def.table, ctx.orgId, id);
    if (!beforeRow) throw notFound(def.label, id);
    checkVersion(def, beforeRow, expectedVersion);
    try {
      await deleteRow(tx, def.table, ctx.orgId, id);
    } catch (err) {
      translateDatabaseError(err, def.label);
    }
    await writeAudit(tx, ctx, 'delete', def.name, id, present(beforeRow), null);
  });
}

export async function getEntity(ctx: ServiceContext, def: EntityDefinition, id: string): Promise<Entity> {
  const row = await findRow(ctx.store.db, def.table, ctx.orgId, id);
  if (!row) throw notFound(def.label, id);
  return present(row);
}

/** The products a create/update/delete touches, for the product managers' ownership rule. */
export async function productsConcerned(
  ctx: ServiceContext,
  def: EntityDefinition,
  target: { id?: string; input?: Record<string, unknown> },
): Promise<string[]> {
  const own = def.ownership;
  if (!own) return [];
  const db = ctx.store.db;
  const ids = new Set<string>();
  const row = target.id ? await findRow(db, def.table, ctx.orgId, target.id) : undefined;
  const sources = [row, target.input].filter(Boolean) as Record<string, unknown>[];
  const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
  for (const src of sources) {
    if (own.kind === 'self') {
      if (isId(src.id)) ids.add(src.id);
    } else if (own.kind === 'column') {
      if (isId(src[own.column])) ids.add(src[own.column] as string);
    } else {
      // Input is not validated yet at this point: only well-formed ids are looked up.
      const via = src[own.column];
      if (!isId(via)) continue;
      const parent = await findRow(db, own.table, ctx.orgId, via);
      if (parent && typeof parent[own.productColumn] === 'string')
        ids.add(parent[own.productColumn] as string);
    }
  }
  return [...ids];
}

export interface Page {
  items: Entity[];
  nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 500;

function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

function decodeCursor(cursor: string): { value: unknown; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad id');
    // Sort columns hold text, numbers and timestamps (ISO text): nothing else was ever encoded.
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error('bad value');
    return { value, id };
  } catch {
    throw new DomainError(
      'invalid_input',
      'the cursor is not one this API returned; start again without it',
      {
        issues: [{ path: ['cursor'], message: 'malformed cursor' }],
      },
    );
  }
}

// The columns a list shows, per table: all but the internal ones present() leaves out.
const listedColumns = new WeakMap<EntityDefinition, readonly string[]>();

function listColumns(def: EntityDefinition): readonly string[] {
  let columns = listedColumns.get(def);
  if (!columns) {
    columns = Object.keys(columnsOf(def.table)).filter((k) => !isInternalField(k));
    listedColumns.set(def, columns);
  }
  return columns;
}

/**
 * Lists rows with cursor pagination, equality filters on declared columns, full-text search (`q`),
 * custom-field filters (`custom.<key>=value`) and sorting (`sort=field`, `order=asc|desc`).
 */
export async function listEntities(
  ctx: ServiceContext,
  def: EntityDefinition,
  params: Record<string, string>,
): Promise<Page> {
  const columns = columnsOf(def.table);
  const filters: ListFilter[] = [];
  const bad = (path: string, message: string): never => {
    throw new DomainError('invalid_input', `${path}: ${message}`, { issues: [{ path: [path], message }] });
  };
  const known = new Set(['cursor', 'limit', 'sort', 'order', 'q', ...def.filters]);
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith('custom.')) {
      if (!def.customFields) bad(key, `${def.name} have no custom fields`);
      const field = key.slice(7);
      if (!/^[a-z][a-z0-9_]{0,39}$/.test(field)) bad(key, 'unknown custom field key');
      filters.push({ kind: 'custom', key: field, value });
      continue;
    }
    if (!known.has(key)) {
      bad(key, `unknown parameter; filters for ${def.name}: ${def.filters.join(', ') || 'none'}`);
    }
    if (!def.filters.includes(key)) continue;
    const col = columns[key]!;
    if (value === 'null') {
      filters.push({ kind: 'null', column: key });
      continue;
    }
    const type = col.columnType;
    if (type === 'PgUUID' && !UUID.test(value)) bad(key, 'must be a UUID');
    if (type === 'PgBoolean') {
      if (value !== 'true' && value !== 'false') bad(key, 'must be true or false');
      filters.push({ kind: 'equals', column: key, value: value === 'true' });
    } else if (type === 'PgSmallInt' || type === 'PgInteger' || type === 'PgDoublePrecision') {
      const n = Number(value);
      if (!Number.isFinite(n)) bad(key, 'must be a number');
      filters.push({ kind: 'equals', column: key, value: n });
    } else {
      if (value.length > 200) bad(key, 'too long');
      filters.push({ kind: 'equals', column: key, value });
    }
  }
  let search: string | undefined;
  if (params.q !== undefined) {
    if (!def.searchable) bad('q', `${def.name} cannot be searched by text`);
    if (params.q.length > 200) bad('q', 'at most 200 characters');
    if (params.q.trim()) search = params.q;
  }
  const sort = params.sort ?? def.defaultSort;
  if (!def.sorts.includes(sort)) bad('sort', `must be one of ${def.sorts.join(', ')}`);
  const order = params.order ?? (sort === 'createdAt' || sort === 'updatedAt' ? 'desc' : 'asc');
  if (order !== 'asc' && order !== 'desc') bad('order', 'must be asc or desc');
  const limit = params.limit === undefined ? 50 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    bad('limit', `must be 1 to ${MAX_PAGE_SIZE}`);
  const after = params.cursor ? decodeCursor(params.cursor) : undefined;
  // Rows arrive as present() would make them (listRows' contract), so they are the items as they are.
  const rows = await listRows(ctx.store, def.table, ctx.orgId, {
    columns: listColumns(def),
    filters,
    search,
    sort,
    order: order as 'asc' | 'desc',
    after,
    limit,
  });
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor(last[sort], String(last.id)) : null,
  };
}
