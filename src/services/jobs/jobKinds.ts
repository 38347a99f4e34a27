import { z } from 'zod';
import type { Action } from '../../domain/policy.ts';
import type { Db } from '../../store/db.ts';
import type { ServiceContext } from '../context.ts';
import { CSV_KINDS, PRESETS } from '../csvImport/csvPresets.ts';
import { csvImportProduct, importCsv } from '../csvImport/importCsv.ts';
import { parseInput } from '../entities/entityService.ts';
import { SimulationRequest, simulateStoredPortfolio } from '../finance/storedPortfolioSimulation.ts';
import { FrontierRequest, OptimizerConstraints } from '../scenarios/optimizerConstraints.ts';
import { runPortfolioFrontier } from '../scenarios/portfolioFrontier.ts';
import { runPortfolioOptimizer } from '../scenarios/portfolioRun.ts';

export const JOB_KINDS = ['optimizer.run', 'optimizer.frontier', 'simulation', 'import.csv'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** What a running job may use besides its input. */
export interface JobRunHooks {
  /** Aborted when the job is cancelled, its lease is lost, or the process shuts down. */
  signal: AbortSignal;
  /** Reports progress (stored with the next lease renewal; cheap to call often). */
  progress(done: number, total: number | null, message?: string): void;
  /**
   * Marks the job succeeded inside the caller's transaction, for work that writes data: the data and
   * the job's success commit together. Throws (so the transaction rolls back) when the worker no
   * longer holds the job.
   */
  succeedIn(tx: Db, result: unknown): Promise<void>;
}

/** Who may submit a job: the policy action of its synchronous route and the products it touches. */
export interface JobAuthorization {
  action: Action;
  productIds: string[];
}

interface JobKindDefinition {
  /** Checks the input with the synchronous route's schema (throws invalid_input). */
  validate(input: unknown): void;
  authorization(ctx: ServiceContext, input: unknown): Promise<JobAuthorization>;
  run(ctx: ServiceContext, input: unknown, hooks: JobRunHooks): Promise<unknown>;
  maxAttempts: number;
}

/**
 * The body of an import.csv job: what POST /imports/csv takes in its query string, with the file as
 * `csv`. `map` is { "Column": "field" } or the query's own ["Column=field", …].
 */
export const CsvImportJobInput = z.strictObject({
  kind: z.enum(CSV_KINDS),
  csv: z.string().min(1, 'the CSV text is empty'),
  product: z.string().min(1).max(200).optional(),
  productId: z.string().min(1).max(200).optional(),
  dryRun: z.boolean().default(false),
  map: z
    .union([
      z.record(z.string().max(500), z.string().max(200)),
      z
        .array(z.string().regex(/^.+=.*$/, 'expected Column=field'))
        .max(500)
        .transform((pairs) =>
          Object.fromEntries(
            pairs.map((p) => [p.slice(0, p.lastIndexOf('=')), p.slice(p.lastIndexOf('=') + 1)]),
          ),
        ),
    ])
    .default({}),
});

const parsedImport = (input: unknown) => parseInput(CsvImportJobInput, input ?? {}, 'CSV import job');

/** Rows in the text, counted by line (quoted cells may span lines, so this is an upper bound). */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

const PORTFOLIO_WRITE: JobAuthorization = { action: 'portfolio.write', productIds: [] };

export const JOB_KIND_DEFINITIONS: Record<JobKind, JobKindDefinition> = {
  'optimizer.run': {
    validate: (input) => void parseInput(OptimizerConstraints, input ?? {}, 'optimizer constraints'),
    authorization: async () => PORTFOLIO_WRITE,
    run: async (ctx, input, hooks) => {
      hooks.progress(0, 1, 'solving');
      const run = await runPortfolioOptimizer(ctx, input, { signal: hooks.signal });
      hooks.progress(1, 1);
      return run;
    },
    maxAttempts: 3,
  },
  'optimizer.frontier': {
    validate: (input) => void parseInput(FrontierRequest, input ?? {}, 'frontier request'),
    authorization: async () => PORTFOLIO_WRITE,
    run: (ctx, input, hooks) =>
      runPortfolioFrontier(ctx, input, {
        signal: hooks.signal,
        onProgress: (done, total) => hooks.progress(done, total, 'budget levels solved'),
      }),
    maxAttempts: 3,
  },
  simulation: {
    validate: (input) => void parseInput(SimulationRequest, input ?? {}, 'simulation request'),
    authorization: async () => ({ action: 'read', productIds: [] }),
    run: (ctx, input, hooks) =>
      simulateStoredPortfolio(ctx, input, {
        signal: hooks.signal,
        onProgress: (done, total) => hooks.progress(done, total, 'trials'),
      }),
    maxAttempts: 3,
  },
  // All or nothing, as the synchronous import: the rows and the job's success commit in one
  // transaction, so a killed import leaves nothing behind and is simply run again.
  'import.csv': {
    validate: (input) => void parsedImport(input),
    authorization: async (ctx, input) => {
      const parsed = CsvImportJobInput.safeParse(input ?? {});
      if (!parsed.success || PRESETS[parsed.data.kind].target === 'feedback')
        return { action: 'feedback.create', productIds: [] };
      const product = await csvImportProduct(ctx, {
        kind: parsed.data.kind,
        product: parsed.data.product ?? parsed.data.productId,
      });
      return { action: 'product.write', productIds: product ? [product] : [] };
    },
    run: async (ctx, input, hooks) => {
      const options = parsedImport(input);
      const total = Math.max(0, lineCount(options.csv) - 1);
      hooks.progress(0, total, 'rows');
      const report = await importCsv(ctx, options.csv, {
        kind: options.kind,
        map: options.map,
        product: options.product ?? options.productId,
        dryRun: options.dryRun,
        signal: hooks.signal,
        onProgress: (rows) => hooks.progress(Math.min(rows, total), total, 'rows'),
        beforeCommit: async (tx, r) => {
          hooks.progress(r.rows, r.rows, 'rows');
          await hooks.succeedIn(tx, r);
        },
      });
      hooks.progress(report.rows, report.rows, 'rows');
      return report;
    },
    maxAttempts: 3,
  },
};

export function isJobKind(kind: unknown): kind is JobKind {
  return typeof kind === 'string' && (JOB_KINDS as readonly string[]).includes(kind);
}
