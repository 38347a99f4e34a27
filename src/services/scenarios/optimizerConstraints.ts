import { z } from 'zod';
import { INITIATIVE_STAGES } from '../../domain/entities/enums.ts';
import { portfolioObjectiveSchema } from '../../domain/optimizeProblem.ts';
import { Id, Name, NonNegative, Text } from '../../domain/primitives.ts';

/** Stages whose initiatives compete for the plan unless the request says otherwise. */
export const DEFAULT_CANDIDATE_STAGES = ['proposed', 'approved', 'active'] as const;
/** Share of the candidates' total cost per period that the default budget funds. */
export const DEFAULT_BUDGET_SHARE = 0.6;
/** Wall-clock limits of one run: bounded so a request never holds a worker for long. */
export const DEFAULT_TIME_LIMIT_SECONDS = 5;
export const MAX_TIME_LIMIT_SECONDS = 60;

const perPeriod = z.union([NonNegative, z.array(NonNegative).min(1).max(40)]);
const minMax = {
  min: NonNegative.optional(),
  max: NonNegative.optional(),
};
const minBelowMax = [
  (b: { min?: number; max?: number }) => b.min === undefined || b.max === undefined || b.min <= b.max,
  { message: 'min must be <= max' },
] as const;
const segmentBound = z.strictObject({ segmentId: Id, ...minMax }).refine(...minBelowMax);
const goalBound = z.strictObject({ goalId: Id, ...minMax }).refine(...minBelowMax);

/** The fields of a constraints request (shared by run, frontier and scenario bodies). */
const constraintShape = {
  objective: portfolioObjectiveSchema.default('strategic_value'),
  /** One figure for every planning period, or one per period. Default: budgetShare × candidates' cost. */
  budgetPerPeriod: perPeriod.optional(),
  budgetShare: z.number().min(0.01).max(10).default(DEFAULT_BUDGET_SHARE),
  /** Role id → FTE per period (one figure or one per period). Default: Σ (fte − time off) of its people. */
  capacityPerRolePerPeriod: z.record(Id, perPeriod).optional(),
  /** Bounds on the total budget spent on a segment's initiatives. */
  segmentBounds: z.array(segmentBound).max(50).optional(),
  /** Bounds on the alignment-weighted budget spent towards a goal. */
  goalBounds: z.array(goalBound).max(50).optional(),
  /** Cap on the summed risk exposure (Σ probability × impact of open risks) of the chosen initiatives. */
  riskCap: NonNegative.optional(),
  /**
   * Let the optimizer choose each initiative's start period (from its stored start, up to maxDelay late;
   * work under way keeps its start). Default on: with fixed starts one overloaded quarter can make the
   * whole plan infeasible. false = every initiative starts when stored.
   */
  timePhased: z.boolean().default(true),
  maxDelay: z.number().int().min(0).max(40).optional(),
  /** Initiatives forced in or out. */
  include: z.array(Id).max(1000).default([]),
  exclude: z.array(Id).max(1000).default([]),
  /** Which stages are candidates (cancelled and done work never is). */
  stages: z
    .array(z.enum(INITIATIVE_STAGES))
    .min(1)
    .default([...DEFAULT_CANDIDATE_STAGES]),
  method: z.enum(['exact', 'greedy']).default('exact'),
  timeLimitSeconds: z.number().min(0.1).max(MAX_TIME_LIMIT_SECONDS).default(DEFAULT_TIME_LIMIT_SECONDS),
};

function checkConstraints(
  c: { include: string[]; exclude: string[]; stages: string[] },
  ctx: z.RefinementCtx,
): void {
  const out = new Set(c.exclude);
  c.include.forEach((id, i) => {
    if (out.has(id))
      ctx.addIssue({ code: 'custom', path: ['include', i], message: 'also listed in exclude' });
  });
  if (c.stages.includes('cancelled') || c.stages.includes('done'))
    ctx.addIssue({
      code: 'custom',
      path: ['stages'],
      message: 'cancelled and done initiatives cannot be funded',
    });
}

/**
 * What a portfolio manager asks the optimizer for. Every field is optional; the defaults are the
 * organization's plan (see docs/optimizer.md, "Over the API").
 */
export const OptimizerConstraints = z.strictObject(constraintShape).superRefine(checkConstraints);
export type OptimizerConstraints = z.infer<typeof OptimizerConstraints>;

/** Frontier request: the same constraints, swept over budget levels (at least 20 for the chart). */
export const FrontierRequest = z
  .strictObject({
    ...constraintShape,
    levels: z.number().int().min(20).max(60).default(21),
    from: z.number().min(0.01).max(10).default(0.2),
    to: z.number().min(0.02).max(10).default(1.5),
    /** For the whole sweep (levels share it), default 10 s. */
    timeLimitSeconds: z.number().min(0.5).max(MAX_TIME_LIMIT_SECONDS).default(10),
  })
  .superRefine(checkConstraints);
export type FrontierRequest = z.infer<typeof FrontierRequest>;

/** Body of POST /scenarios: a name and the constraints to run and save. */
export const ScenarioCreate = z
  .strictObject({ ...constraintShape, name: Name, description: Text.default('') })
  .superRefine(checkConstraints);

/** Body of POST /scenarios/:id/commit. */
export const ScenarioCommit = z.strictObject({
  rationale: z.string().trim().min(1, 'a commit needs its rationale').max(20_000),
});

/** Splits a scenario body into its name/description and the constraints to run. */
export function constraintsOf(body: Record<string, unknown>): Record<string, unknown> {
  const { name: _n, description: _d, ...rest } = body;
  return rest;
}
