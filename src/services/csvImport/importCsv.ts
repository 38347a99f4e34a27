import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { FeatureCreate } from '../../domain/entities/feature.ts';
import { FeedbackCreate } from '../../domain/entities/feedback.ts';
import { DomainError } from '../../domain/errors.ts';
import { type CopyRows, copyTransaction } from '../../store/copyTransaction.ts';
import type { Db } from '../../store/db.ts';
import { customers, features, feedback, products, segments } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { anyoneWants, emitEvents } from '../integrations/emitEvent.ts';
import { present } from '../present.ts';
import { CSV_KINDS, type CsvKind, FIELDS, PRESETS, type Target } from './csvPresets.ts';

export interface CsvImportOptions {
  kind: string;
  /** Explicit column → field mappings over the preset; field "" or "-" ignores the column. */
  map?: Record<string, string>;
  dryRun?: boolean;
  /** Product id or slug: where imported features go (feature kinds only). */
  product?: string;
  /** Called every few hundred rows (for progress bars). */
  onProgress?: (rows: number) => void;
  /** Stops the import between rows; the transaction rolls back (a cancelled or released job). */
  signal?: AbortSignal;
  /**
   * Runs inside the import's transaction just before it commits (not for dry runs): a job records its
   * success here, so the rows and the job's "succeeded" commit together or not at all.
   */
  beforeCommit?: (tx: Db, report: CsvImportReport) => Promise<void>;
}

export interface BadRow {
  /** Data row number, 1-based, not counting the header. */
  row: number;
  /** Line of the file where the row ends (quoted cells may span lines). */
  line: number;
  column: string;
  reason: string;
}

export interface CsvImportReport {
  kind: CsvKind;
  target: Target;
  dryRun: boolean;
  rows: number;
  valid: number;
  imported: number;
  mapping: Record<string, string>;
  ignoredColumns: string[];
  errors: BadRow[];
}

const MAX_ERRORS = 10_000;
// Rows per multi-row INSERT: large enough to amortize the round trip, under PostgreSQL's 65,535
// parameters (feedback and features insert fewer than 30 columns).
const BATCH = 2000;
/** Rows per COPY on a PostgreSQL server. */
const COPY_BATCH = 10_000;
const SCHEMAS: Record<Target, z.ZodType<Record<string, unknown>>> = {
  features: FeatureCreate as unknown as z.ZodType<Record<string, unknown>>,
  feedback: FeedbackCreate as unknown as z.ZodType<Record<string, unknown>>,
};
const REQUIRED: Record<Target, string> = { features: 'title', feedback: 'text' };

function invalid(message: string): never {
  throw new DomainError('invalid_input', message, { issues: [{ path: [], message }] });
}

/** Column header → field, from the preset, fields named by their own name, and explicit mappings. */
function resolveMapping(header: string[], target: Target, kind: CsvKind, explicit: Record<string, string>) {
  const preset = PRESETS[kind].columns;
  const fields = FIELDS[target];
  const lowerExplicit = new Map(Object.entries(explicit).map(([k, v]) => [k.trim().toLowerCase(), v.trim()]));
  for (const [col, field] of lowerExplicit) {
    if (field !== '' && field !== '-' && !(field in fields)) {
      invalid(`--map ${col}=${field}: unknown field; ${target} fields are ${Object.keys(fields).join(', ')}`);
    }
    if (!header.some((h) => h.trim().toLowerCase() === col))
      invalid(`--map ${col}: no such column in the file`);
  }
  const mapping: (string | null)[] = header.map((h) => {
    const key = h.trim().toLowerCase();
    if (lowerExplicit.has(key)) {
      const f = lowerExplicit.get(key)!;
      return f === '' || f === '-' ? null : f;
    }
    if (preset[key]) return preset[key]!;
    return Object.keys(fields).find((f) => f.toLowerCase() === key) ?? null;
  });
  const seen = new Map<string, string>();
  mapping.forEach((f, i) => {
    if (!f) return;
    if (seen.has(f))
      invalid(`columns "${seen.get(f)}" and "${header[i]}" both map to ${f}; drop one with --map`);
    seen.set(f, header[i]!);
  });
  if (!seen.has(REQUIRED[target])) {
    invalid(`no column maps to ${REQUIRED[target]}; name one with --map "<column>=${REQUIRED[target]}"`);
  }
  return mapping;
}

/** Name → id lookups (case-insensitive) for customer and segment matching. */
async function lookups(db: Db, orgId: string) {
  const byName = async (table: typeof customers | typeof segments) => {
    const rows = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(eq(table.orgId, orgId));
    const out = new Map<string, string | null>();
    // A name two rows share is ambiguous: matching either would be a guess.
    for (const r of rows) {
      const k = r.name.trim().toLowerCase();
      out.set(k, out.has(k) ? null : r.id);
    }
    return { names: out, ids: new Set(rows.map((r) => r.id)) };
  };
  return { customers: await byName(customers), segments: await byName(segments) };
}

async function resolveProduct(ctx: ServiceContext, ref: string | undefined): Promise<string> {
  if (!ref) invalid('feature imports need the product the features belong to (productId / --product)');
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [row] = await ctx.store.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), isId ? eq(products.id, ref) : eq(products.slug, ref)));
  if (!row) throw new DomainError('not_found', `no product ${ref} in this organization`);
  return row.id;
}

/** The product a feature import writes to, for authorization (undefined for feedback kinds). */
export async function csvImportProduct(ctx: ServiceContext, options: CsvImportOptions) {
  const kind = options.kind as CsvKind;
  if (!CSV_KINDS.includes(kind) || PRESETS[kind].target !== 'features') return undefined;
  return options.product ? resolveProduct(ctx, options.product) : undefined;
}

function toStream(source: string | Readable | AsyncIterable<Buffer | string>): Readable {
  if (typeof source === 'string') return Readable.from([source]);
  return source instanceof Readable ? source : Readable.from(source);
}

/**
 * Imports a CSV export (Jira issues, Productboard features or notes, generic feedback) as features or
 * feedback. The file is parsed as a stream; every row is converted through the column mapping and
 * validated with the entity's schema, and every bad row is reported (row, column, reason). Rows are
 * inserted as they come, inside one transaction that is rolled back if any row is bad — all or nothing.
 * A dry run validates only.
 */
export async function importCsv(
  ctx: ServiceContext,
  source: string | Readable | AsyncIterable<Buffer | string>,
  options: CsvImportOptions,
): Promise<CsvImportReport> {
  const kind = options.kind as CsvKind;
  if (!CSV_KINDS.includes(kind)) invalid(`kind must be one of ${CSV_KINDS.join(', ')}`);
  const preset = PRESETS[kind];
  const target = preset.target;
  const productId = target === 'features' ? await resolveProduct(ctx, options.product) : undefined;
  const dryRun = options.dryRun ?? false;
  const run = async (tx: Db, copy: CopyRows | null): Promise<CsvImportReport> => {
    const found = target === 'feedback' ? await lookups(tx, ctx.orgId) : undefined;
    const parser = toStream(source).pipe(
      parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }),
    );
    let header: string[] | undefined;
    let mapping: (string | null)[] = [];
    const report: CsvImportReport = {
      kind,
      target,
      dryRun,
      rows: 0,
      valid: 0,
      imported: 0,
      mapping: {},
      ignoredColumns: [],
      errors: [],
    };
    // Events carry each new row; when no subscription wants them, the rows need not come back at all.
    const announce = target === 'feedback' && !dryRun && (await anyoneWants(tx, ctx, 'feedback.created'));
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length === 0 || dryRun || report.errors.length > 0) {
        batch = [];
        return;
      }
      // COPY names one column list for the batch: only when every row carries the same fields.
      const shape = Object.keys(batch[0]!).join();
      const sameShape = batch.every((r) => Object.keys(r).join() === shape);
      if (copy && !announce && sameShape) {
        await copy(target === 'features' ? features : feedback, batch);
      } else if (target === 'features') {
        await tx.insert(features).values(batch as (typeof features.$inferInsert)[]);
      } else if (announce) {
        const rows = await tx
          .insert(feedback)
          .values(batch as (typeof feedback.$inferInsert)[])
          .returning();
        await emitEvents(
          tx,
          ctx,
          rows.map((r) => ({ type: 'feedback.created' as const, data: present(r) })),
        );
      } else {
        await tx.insert(feedback).values(batch as (typeof feedback.$inferInsert)[]);
      }
      report.imported += batch.length;
      batch = [];
    };
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        mapping = resolveMapping(header, target, kind, options.map ?? {});
        header.forEach((h, i) => {
          if (mapping[i]) report.mapping[h] = mapping[i]!;
          else report.ignoredColumns.push(h);
        });
        continue;
      }
      options.signal?.throwIfAborted();
      report.rows++;
      const rowNo = report.rows;
      const bad = (column: string, reason: string) => {
        if (report.errors.length < MAX_ERRORS)
          report.errors.push({ row: rowNo, line: info.lines, column, reason });
      };
      const before = report.errors.length;
      if (record.length !== header.length) {
        bad('', `has ${record.length} cells; the header has ${header.length}`);
      }
      const values: Record<string, unknown> = { ...preset.defaults };
      const columnOf: Record<string, string> = {};
      mapping.forEach((field, i) => {
        if (!field) return;
        columnOf[field] = header![i]!;
        const cell = (record[i] ?? '').trim();
        if (cell === '') return;
        try {
          values[field] = FIELDS[target][field]!(cell);
        } catch (err) {
          bad(header![i]!, (err as Error).message);
        }
      });
      if (found) resolveNames(values, columnOf, found, bad);
      if (productId) values.productId = productId;
      const required = REQUIRED[target];
      if (values[required] === undefined) bad(columnOf[required] ?? required, `${required} is required`);
      const parsed = SCHEMAS[target].safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (field === required && values[required] === undefined) continue;
          bad(columnOf[field] ?? field, issue.message);
        }
      }
      if (
        parsed.success &&
        parsed.data.status === 'parking_lot' &&
        target === 'features' &&
        !parsed.data.parkedReason
      ) {
        bad(
          columnOf.status ?? 'status',
          'a feature in the parking lot needs the reason (map a column to parkedReason)',
        );
      }
      if (report.errors.length === before && parsed.success) {
        report.valid++;
        batch.push({ ...parsed.data, orgId: ctx.orgId });
        if (batch.length >= (copy && !announce ? COPY_BATCH : BATCH)) await flush();
      }
      if (report.rows % 250 === 0) options.onProgress?.(report.rows);
    }
    if (!header) invalid('the file is empty: expected a header row');
    await flush();
    options.onProgress?.(report.rows);
    if (report.errors.length > 0 && !dryRun) {
      throw new DomainError(
        'unprocessable',
        `${report.errors.length} problem(s) in ${report.rows - report.valid} row(s); nothing was imported`,
        report,
      );
    }
    if (!dryRun) {
      await writeAudit(tx, ctx, 'import', target, null, null, {
        kind,
        rows: report.imported,
        mapping: report.mapping,
      });
      await options.beforeCommit?.(tx, report);
    }
    return report;
  };
  if (dryRun) return run(ctx.store.db, null);
  return copyTransaction(ctx.store, run);
}

type Found = Awaited<ReturnType<typeof lookups>>;

/** Customer and segment names → ids; ids given directly must be the organization's. */
function resolveNames(
  values: Record<string, unknown>,
  columnOf: Record<string, string>,
  found: Found,
  bad: (column: string, reason: string) => void,
) {
  for (const [nameField, idField, what] of [
    ['customer', 'customerId', 'customers'],
    ['segment', 'segmentId', 'segments'],
  ] as const) {
    const name = values[nameField];
    delete values[nameField];
    if (typeof name === 'string') {
      const id = found[what].names.get(name.trim().toLowerCase());
      if (id === undefined) bad(columnOf[nameField]!, `no ${what.slice(0, -1)} named "${name}"`);
      else if (id === null) bad(columnOf[nameField]!, `several ${what} are named "${name}"`);
      else values[idField] = id;
    }
    const given = values[idField];
    if (typeof given === 'string' && columnOf[idField] && !found[what].ids.has(given)) {
      bad(columnOf[idField]!, `no ${what.slice(0, -1)} ${given} in this organization`);
    }
  }
}
