import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { rawTransaction } from '../../store/rawTransaction.ts';
import { ident, migrationState, storeTables, type TableInfo } from './storeCatalog.ts';

export const BACKUP_FORMAT = 'sextant-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 5000;
const BATCH = 2000;

type Progress = (e: { table: string; done: number; total: number }) => void;

interface BackupHeader {
  format: string;
  formatVersion: number;
  createdAt: string;
  migrations: { hash: string; createdAt: string }[];
  tables: { name: string; columns: string[]; rows: number }[];
}

/**
 * Writes the whole store — every organization, user, session, audit entry, and the migration journal —
 * as gzipped JSON lines: a header (schema version, tables, row counts), one line per row (table by table,
 * in foreign-key order, by primary key), and a footer with the SHA-256 of everything before it. Read in
 * one repeatable-read transaction, so the backup is one consistent moment even while the server runs.
 */
export async function backupStore(store: Store, path: string, onProgress?: Progress) {
  const gzip = createGzip();
  const out = createWriteStream(path);
  const piped = new Promise<void>((resolve, reject) => {
    gzip.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  const hash = createHash('sha256');
  const write = async (line: string) => {
    const text = `${line}\n`;
    hash.update(text);
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const summary = await rawTransaction(
    store,
    async (query) => {
      const tables = await storeTables(query);
      const counts = await Promise.all(
        tables.map(async (t) => {
          const [r] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`);
          return Number(r!.n);
        }),
      );
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migrations: await migrationState(query),
        tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i]! })),
      };
      await write(JSON.stringify(header));
      const total = counts.reduce((a, b) => a + b, 0);
      let done = 0;
      for (let i = 0; i < tables.length; i++) {
        const t = tables[i]!;
        const select = `SELECT row_to_json(r)::text AS j FROM (SELECT ${t.columns.map(ident).join(', ')}
          FROM ${ident(t.name)} ORDER BY ${(t.key.length ? t.key : t.columns).map(ident).join(', ')}
          LIMIT ${PAGE} OFFSET $1) r`;
        for (let offset = 0; offset < counts[i]!; offset += PAGE) {
          const rows = await query<{ j: string }>(select, [offset]);
          for (const r of rows) await write(r.j);
          done += rows.length;
          onProgress?.({ table: t.name, done, total });
        }
      }
      return { tables: tables.length, rows: total };
    },
    { readOnly: true },
  );
  const footer = JSON.stringify({ end: true, sha256: hash.digest('hex') });
  gzip.end(`${footer}\n`);
  await piped;
  return summary;
}

function damaged(why: string): never {
  throw new DomainError(
    'invalid_input',
    `the backup is damaged or not a Sextant backup (${why}); nothing was restored`,
  );
}

function parseHeader(line: string | undefined): BackupHeader {
  let h: BackupHeader;
  try {
    h = JSON.parse(line ?? '') as BackupHeader;
  } catch {
    damaged('no readable header');
  }
  if (h?.format !== BACKUP_FORMAT) damaged('unknown format');
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new DomainError(
      'invalid_input',
      `backup format version ${h.formatVersion} is not supported (this Sextant reads ${BACKUP_FORMAT_VERSION})`,
    );
  }
  if (!Array.isArray(h.tables) || !Array.isArray(h.migrations)) damaged('header without tables');
  return h;
}

/** Whether the store holds anything a restore would overwrite: an organization or a user. */
async function storeHasData(query: <T>(sql: string) => Promise<T[]>): Promise<boolean> {
  const [r] = await query<{ n: number }>(
    'SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM users) AS n',
  );
  return Number(r!.n) > 0;
}

/**
 * Restores a backup into this store, all or nothing: refused when the store already holds data unless
 * `force` (then everything in it is replaced), and when the backup comes from another schema version.
 * Rows go in table by table with every constraint on; the footer's checksum is checked before the
 * commit, so a damaged or truncated file restores nothing.
 */
export async function restoreStore(
  store: Store,
  path: string,
  options: { force?: boolean } = {},
  onProgress?: Progress,
) {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error) =>
      reject(
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? new DomainError('not_found', `no backup file ${path}`)
          : new DomainError('invalid_input', `the backup is damaged (${err.message}); nothing was restored`),
      );
    input.on('error', fail);
    gunzip.on('error', fail);
    // readline re-emits its input's errors; unhandled, they would end the process.
    lines.on('error', fail);
  });
  failed.catch(() => {});
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await Promise.race([iterator.next(), failed]);
    return r.done ? undefined : r.value;
  };
  const hash = createHash('sha256');
  const first = await next();
  const header = parseHeader(first);
  hash.update(`${first}\n`);
  try {
    return await rawTransaction(store, async (query) => {
      const mine = await migrationState(query);
      const same =
        mine.length === header.migrations.length &&
        mine.every((m, i) => m.hash === header.migrations[i]!.hash);
      if (!same) {
        throw new DomainError(
          'conflict',
          `the backup was made at schema version ${header.migrations.length} (migrations), this store is at ${mine.length}: restore it with the Sextant version that made it`,
        );
      }
      if ((await storeHasData(query)) && !options.force) {
        throw new DomainError(
          'conflict',
          'the store is not empty; restore into an empty store, or pass --force to replace everything in it',
        );
      }
      const tables = new Map((await storeTables(query)).map((t) => [t.name, t] as [string, TableInfo]));
      for (const t of header.tables) {
        const mineT = tables.get(t.name);
        if (!mineT || mineT.columns.join() !== t.columns.join())
          damaged(`table ${t.name} does not match this schema`);
      }
      if (options.force) {
        await query(`TRUNCATE ${[...tables.keys()].map(ident).join(', ')} RESTART IDENTITY CASCADE`);
      }
      const total = header.tables.reduce((n, t) => n + t.rows, 0);
      let done = 0;
      for (const t of header.tables) {
        const cols = t.columns.map(ident).join(', ');
        const insert = `INSERT INTO ${ident(t.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json)`;
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await query(insert, [`[${batch.join(',')}]`]);
          done += batch.length;
          batch = [];
          onProgress?.({ table: t.name, done, total });
        };
        for (let i = 0; i < t.rows; i++) {
          const line = await next();
          if (line === undefined || !line.startsWith('{')) damaged(`table ${t.name} ends early`);
          hash.update(`${line}\n`);
          batch.push(line);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
      }
      const footerLine = await next();
      let footer: { end?: boolean; sha256?: string } = {};
      try {
        footer = JSON.parse(footerLine ?? '');
      } catch {
        damaged('no footer: the file is truncated');
      }
      if (!footer.end || footer.sha256 !== hash.digest('hex')) damaged('checksum mismatch');
      if ((await next()) !== undefined) damaged('data after the footer');
      // Serial columns continue after the restored ids.
      const seqs = await query<{ tbl: string; col: string }>(
        `SELECT t.relname AS tbl, a.attname AS col FROM pg_class s
         JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
         JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         WHERE s.relkind = 'S' AND n.nspname = 'public'`,
      );
      for (const s of seqs) {
        await query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 1), (SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}) IS NOT NULL)`,
          [s.tbl, s.col],
        );
      }
      return { tables: header.tables.length, rows: total, createdAt: header.createdAt };
    });
  } finally {
    lines.close();
    input.destroy();
  }
}
