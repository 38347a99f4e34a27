import { z } from 'zod';

/** A triangular distribution given by its minimum, mode and maximum (low ≤ likely ≤ high). */
export const triangularSchema = z
  .object({
    low: z.number().finite(),
    likely: z.number().finite(),
    high: z.number().finite(),
  })
  .refine((t) => t.low <= t.likely && t.likely <= t.high, {
    message: 'expected low ≤ likely ≤ high',
  });

export type Triangular = z.infer<typeof triangularSchema>;

const period = z.number().int().min(0).max(10_000);

/** One initiative of the Monte Carlo problem: a cost paid once, a per-period benefit over a range. */
export const simulateItemSchema = z
  .object({
    id: z.string().min(1),
    probability: z.number().min(0, 'probability must be in 0..1').max(1, 'probability must be in 0..1'),
    costPeriod: period.default(0),
    cost: triangularSchema,
    benefit: triangularSchema,
    benefitPeriods: z.tuple([period, period]),
  })
  .refine((i) => i.benefitPeriods[0] <= i.benefitPeriods[1], {
    message: 'benefitPeriods must be [first, last] with first ≤ last',
    path: ['benefitPeriods'],
  });

export type SimulateItem = z.infer<typeof simulateItemSchema>;

/** The plain-file format of `sextant simulate problem.json` (documented in docs/finance.md). */
export const simulateProblemSchema = z
  .object({
    discountRate: z.number().gt(-1, 'discountRate must be greater than -1').max(10),
    target: z.number().finite().optional(),
    items: z.array(simulateItemSchema).min(1, 'items must list at least one initiative'),
  })
  .refine((p) => new Set(p.items.map((i) => i.id)).size === p.items.length, {
    message: 'item ids must be unique',
    path: ['items'],
  });

export type SimulateProblem = z.infer<typeof simulateProblemSchema>;
