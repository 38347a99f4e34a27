import { z } from 'zod';

/**
 * Plain-file format of the portfolio optimizer (`sextant optimize problem.json`) and the inputs the
 * services turn into it. See docs/optimizer.md for the meaning of every field.
 */

const finite = z.number().finite();
const nonNegative = finite.min(0);
const id = z.string().min(1);

export const optimizeResourceSchema = z.object({
  id,
  capacity: nonNegative,
  /** `budget` resources are the ones the efficient frontier scales; default: ids starting with "budget". */
  kind: z.enum(['budget', 'capacity', 'risk', 'other']).optional(),
});

export const optimizeOptionSchema = z
  .object({
    id,
    /** First period (index) the schedule is active. */
    start: z.number().int().min(0),
    /** Last period (index, inclusive) the schedule is active. */
    end: z.number().int().min(0),
    value: finite,
    uses: z.record(z.string(), nonNegative).default({}),
  })
  .refine((o) => o.end >= o.start, { message: 'option end must be >= start' });

export const optimizeItemSchema = z.object({
  id,
  name: z.string().optional(),
  value: finite.default(0),
  uses: z.record(z.string(), nonNegative).default({}),
  requires: z.array(id).default([]),
  excludes: z.array(id).default([]),
  mandatory: z.boolean().default(false),
  forbidden: z.boolean().default(false),
  /** Alternative schedules; when present, the item's own value/uses are ignored and at most one option is chosen. */
  options: z.array(optimizeOptionSchema).optional(),
});

export const optimizeGroupSchema = z
  .object({
    id,
    /** Resource(s) whose use by the group's items is bounded (several: their sum). */
    resource: z.union([id, z.array(id).min(1)]),
    items: z.array(id),
    /** Optional per-item multiplier of the item's use (e.g. goal alignment); default 1. */
    weights: z.record(z.string(), finite).optional(),
    min: finite.optional(),
    max: finite.optional(),
  })
  .refine((g) => g.min === undefined || g.max === undefined || g.min <= g.max, {
    message: 'group min must be <= max',
  });

/** The generic selection problem: maximize Σ value subject to resources, groups and logic. */
export const optimizeProblemSchema = z
  .object({
    resources: z.array(optimizeResourceSchema),
    items: z.array(optimizeItemSchema),
    groups: z.array(optimizeGroupSchema).default([]),
  })
  .superRefine((p, ctx) => {
    const resourceIds = new Set<string>();
    p.resources.forEach((r, i) => {
      if (resourceIds.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['resources', i, 'id'],
          message: `duplicate resource id "${r.id}"`,
        });
      resourceIds.add(r.id);
    });
    const itemIds = new Set<string>();
    p.items.forEach((it, i) => {
      if (itemIds.has(it.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${it.id}"` });
      itemIds.add(it.id);
    });
    const checkUses = (uses: Record<string, number>, path: (string | number)[]) => {
      for (const r of Object.keys(uses))
        if (!resourceIds.has(r))
          ctx.addIssue({ code: 'custom', path: [...path, r], message: `unknown resource "${r}"` });
    };
    p.items.forEach((it, i) => {
      checkUses(it.uses, ['items', i, 'uses']);
      for (const key of ['requires', 'excludes'] as const)
        it[key].forEach((other, k) => {
          if (!itemIds.has(other))
            ctx.addIssue({ code: 'custom', path: ['items', i, key, k], message: `unknown item "${other}"` });
          if (other === it.id)
            ctx.addIssue({
              code: 'custom',
              path: ['items', i, key, k],
              message: `item "${it.id}" ${key} itself`,
            });
        });
      const optionIds = new Set<string>();
      it.options?.forEach((o, k) => {
        if (optionIds.has(o.id))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'options', k, 'id'],
            message: `duplicate option id "${o.id}"`,
          });
        optionIds.add(o.id);
        checkUses(o.uses, ['items', i, 'options', k, 'uses']);
      });
    });
    p.groups.forEach((g, i) => {
      for (const r of Array.isArray(g.resource) ? g.resource : [g.resource])
        if (!resourceIds.has(r))
          ctx.addIssue({
            code: 'custom',
            path: ['groups', i, 'resource'],
            message: `unknown resource "${r}"`,
          });
      g.items.forEach((it, k) => {
        if (!itemIds.has(it))
          ctx.addIssue({ code: 'custom', path: ['groups', i, 'items', k], message: `unknown item "${it}"` });
      });
    });
  });

export type OptimizeResource = z.infer<typeof optimizeResourceSchema>;
export type OptimizeOption = z.infer<typeof optimizeOptionSchema>;
export type OptimizeItem = z.infer<typeof optimizeItemSchema>;
export type OptimizeGroup = z.infer<typeof optimizeGroupSchema>;
/** A validated problem (defaults filled in). */
export type OptimizeProblem = z.infer<typeof optimizeProblemSchema>;
/** A problem as written by hand (defaults may be omitted). */
export type OptimizeProblemInput = z.input<typeof optimizeProblemSchema>;

/** One chosen item: its id, and the chosen option's id when the item has options. */
export const selectionSchema = z.union([id, z.object({ id, option: id })]);
export type Selection = z.infer<typeof selectionSchema>;

/** `unknown`: the time limit ran out before any feasible selection or proof of infeasibility was found. */
export const solveStatusSchema = z.enum(['optimal', 'feasible', 'infeasible', 'unknown']);
export type SolveStatus = z.infer<typeof solveStatusSchema>;

/** Result of one optimization (what `--json` prints, plus usage per resource). */
export const optimizeResultSchema = z.object({
  status: solveStatusSchema,
  objective: finite.nullable(),
  bound: finite.nullable(),
  gap: finite.nullable(),
  selected: z.array(selectionSchema),
  seconds: finite,
  method: z.enum(['exact', 'greedy']),
  /** Where the returned solution came from. */
  source: z.enum(['branch-and-bound', 'genetic', 'solver', 'heuristic', 'none']),
  usage: z.record(z.string(), finite),
  /**
   * How the bound was obtained: our branch and bound (a finished search proves the answer optimal),
   * HiGHS's MIP dual bound, or the LP relaxation when only the heuristic ran.
   */
  boundSource: z.enum(['branch-and-bound', 'mip', 'lp', 'none']),
});
export type OptimizeResult = z.infer<typeof optimizeResultSchema>;

// ---------------------------------------------------------------------------------------------
// Portfolio layer: stored initiatives + settings → generic problem (buildPortfolioProblem).

export const portfolioInitiativeSchema = z.object({
  id,
  name: z.string(),
  /** Cost in each period of the initiative's own timeline (index 0 = its first period). */
  costPerPeriod: z.array(nonNegative),
  /** Benefit in each period from the initiative's start (may run past its duration). */
  benefitPerPeriod: z.array(finite),
  probability: z.number().min(0).max(1),
  alignment: z.record(z.string(), z.number().min(0).max(1)),
  demandPerRolePerPeriod: z.record(z.string(), z.array(nonNegative)),
  requires: z.array(id).default([]),
  excludes: z.array(id).default([]),
  mandatory: z.boolean().default(false),
  forbidden: z.boolean().optional(),
  segmentId: z.string().nullable().optional(),
  riskExposure: nonNegative.default(0),
  durationPeriods: z.number().int().min(1),
  earliestStart: z.number().int().min(0).optional(),
  latestStart: z.number().int().min(0).optional(),
});
export type PortfolioInitiative = z.infer<typeof portfolioInitiativeSchema>;

export const portfolioObjectiveSchema = z.enum(['strategic_value', 'expected_npv', 'risk_adjusted']);
export type PortfolioObjective = z.infer<typeof portfolioObjectiveSchema>;

export const portfolioSettingsSchema = z.object({
  objective: portfolioObjectiveSchema,
  goalWeights: z.record(z.string(), nonNegative),
  discountRate: z.number().min(0).max(1).default(0),
  periods: z.array(z.string().min(1)).min(1),
  budgetPerPeriod: z.array(nonNegative),
  capacityPerRolePerPeriod: z.record(z.string(), z.array(nonNegative)).default({}),
  segmentBounds: z
    .array(z.object({ segmentId: id, min: finite.optional(), max: finite.optional() }))
    .optional(),
  goalBounds: z.array(z.object({ goalId: id, min: finite.optional(), max: finite.optional() })).optional(),
  riskCap: nonNegative.optional(),
  timePhased: z.boolean().optional(),
  maxDelay: z.number().int().min(0).optional(),
});
export type PortfolioSettings = z.infer<typeof portfolioSettingsSchema>;
