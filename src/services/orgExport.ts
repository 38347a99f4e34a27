import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError } from '../domain/errors.ts';
import { bulkLoad, type TableBatch } from '../store/bulkLoad.ts';
import { isStoreEmpty, type Store } from '../store/database.ts';
import { ORG_TABLES } from '../store/orgTables.ts';
import { memberships, organizations, users } from '../store/schema.ts';
import { columnsOf } from '../store/tables.ts';
import { findOrganization } from './organizations.ts';
import { present } from './present.ts';

export const EXPORT_FORMAT = 'sextant-organization';
export const EXPORT_FORMAT_VERSION = 1;

type Progress = (event: { table: string; done: number; total: number }) => void;

/** Secrets an organization export leaves out, like members' password hashes (customers re-invited after import). */
const OMITTED: Record<string, readonly string[]> = { portalAccounts: ['passwordHash', 'inviteHash'] };

function withoutSecrets(key: string, row: Record<string, unknown>): Record<string, unknown> {
  const omit = OMITTED[key];
  if (!omit) return row;
  const out = { ...row };
  for (const k of omit) delete out[k];
  return out;
}

/**
 * Writes a whole organization as JSON: the organization, its members (never their password
 * hashes) and every table's rows ordered by id, so two exports of the same data are identical.
 */
export async function exportOrganization(
  store: Store,
  slugOrId: string,
  path: string,
  onProgress?: Progress,
) {
  const org = await findOrganization(store, slugOrId);
  if (!org) throw new DomainError('not_found', `no organization "${slugOrId}" in this store`);
  const db = store.db;
  const [orgRow] = await db.select().from(organizations).where(eq(organizations.id, org.id));
  const members = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      createdAt: users.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, org.id))
    .orderBy(asc(users.id));
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const header = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    organization: present(orgRow as Record<string, unknown>),
    users: members.map((m) => present(m)),
  };
  await write(`${JSON.stringify(header, null, 0).slice(0, -1)},"tables":{`);
  let done = 0;
  for (let t = 0; t < ORG_TABLES.length; t++) {
    const { key, table } = ORG_TABLES[t]!;
    const cols = columnsOf(table);
    const rows = await db.select().from(table).where(eq(cols.orgId!, org.id)).orderBy(asc(cols.id!));
    await write(`${t ? ',' : ''}${JSON.stringify(key)}:[`);
    for (let i = 0; i < rows.length; i++) {
      await write(
        `${i ? ',' : ''}\n${JSON.stringify(withoutSecrets(key, present(rows[i] as Record<string, unknown>)))}`,
      );
    }
    await write(']');
    done += rows.length;
    onProgress?.({ table: key, done, total: done });
  }
  await write('}}\n');
  out.end();
  await once(out, 'finish');
  return { organization: org.slug, rows: done };
}

interface ExportFile {
  format: string;
  formatVersion: number;
  organization: Record<string, unknown>;
  users: Record<string, unknown>[];
  tables: Record<string, Record<string, unknown>[]>;
}

function fail(message: string): never {
  throw new DomainError('invalid_input', message);
}

/** Checks the file's shape before anything is written, so a bad file changes nothing. */
function validateExport(data: unknown): ExportFile {
  const f = data as ExportFile;
  if (!f || typeof f !== 'object') fail('the file is not a Sextant export (expected a JSON object)');
  if (f.format !== EXPORT_FORMAT)
    fail(`the file is not a Sextant export (format is ${JSON.stringify(f.format)})`);
  if (f.formatVersion !== EXPORT_FORMAT_VERSION) fail(`unsupported export version ${f.formatVersion}`);
  if (!f.organization || typeof f.organization.id !== 'string') fail('the export has no organization');
  if (!Array.isArray(f.users)) fail('the export has no users list');
  if (!f.tables || typeof f.tables !== 'object') fail('the export has no tables');
  const known = new Set(ORG_TABLES.map((t) => t.key));
  for (const key of Object.keys(f.tables)) if (!known.has(key)) fail(`unknown table "${key}" in the export`);
  for (const { key, table } of ORG_TABLES) {
    const rows = f.tables[key] ?? [];
    if (!Array.isArray(rows)) fail(`tables.${key} must be a list`);
    const cols = getTableColumns(table) as Record<string, PgColumn>;
    rows.forEach((row, i) => {
      if (!row || typeof row !== 'object') fail(`tables.${key}[${i}] is not an object`);
      for (const col of Object.keys(row)) {
        if (!(col in cols) || col === 'orgId' || col === 'search')
          fail(`tables.${key}[${i}] has unknown field "${col}"`);
      }
      for (const [prop, col] of Object.entries(cols)) {
        if (prop === 'orgId' || prop === 'search') continue;
        if (col.notNull && !col.hasDefault && row[prop] == null) fail(`tables.${key}[${i}] lacks "${prop}"`);
      }
    });
  }
  return f;
}

/** Imports an export file into an empty store, all or nothing (one COPY transaction). */
export async function importOrganization(store: Store, path: string, onProgress?: Progress) {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    fail(`cannot read ${path} as JSON: ${(err as Error).message}`);
  }
  const file = validateExport(data);
  if (!(await isStoreEmpty(store))) {
    throw new DomainError(
      'conflict',
      'import needs an empty store; point SEXTANT_DATA_DIR or DATABASE_URL at a new one',
    );
  }
  const orgId = file.organization.id as string;
  const batches: TableBatch[] = [
    { table: organizations, rows: [file.organization] },
    { table: users, rows: file.users.map(({ role: _r, ...u }) => ({ ...u, passwordHash: null })) },
    {
      table: memberships,
      rows: file.users.map((u) => ({ orgId, userId: u.id, role: u.role, createdAt: u.createdAt })),
    },
    ...ORG_TABLES.map(({ key, table }) => ({
      table,
      rows: (file.tables[key] ?? []).map((r) => ({ ...r, orgId })),
    })),
  ];
  const total = batches.reduce((n, b) => n + b.rows.length, 0);
  let done = 0;
  try {
    await bulkLoad(store, batches, (table, count) => {
      done += count;
      onProgress?.({ table, done, total });
    });
  } catch (err) {
    fail(`the import was rolled back, nothing was written: ${(err as Error).message}`);
  }
  return { organization: String(file.organization.slug), rows: total };
}
