import { z } from 'zod';
import { INITIATIVE_STAGES } from '../../domain/entities/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import { periodIndex } from '../../domain/periods.ts';
import { Id } from '../../domain/primitives.ts';
import type { SimulateItem, SimulateProblem, Triangular } from '../../domain/simulateProblem.ts';
import type { TornadoEntry } from '../../engine/finance/portfolioSimulation.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { type SimulateProblemResult, simulateProblem } from '../simulateProblem.ts';
import { loadPlanningSettings } from './planningSettings.ts';
import { FUNDED_STAGES, loadInitiatives, type StoredInitiative } from './storedInitiatives.ts';

/** The body of POST /simulations: which initiatives, how many trials, which seed, what target. */
export const SimulationRequest = z.strictObject({
  trials: z.number().int().min(1).max(1_000_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 52)
    .optional(),
  /** Portfolio value to reach; the answer gives P(value ≥ target). */
  target: z.number().finite().optional(),
  /** Exactly these initiatives (of the organization); otherwise every initiative in `stages`. */
  initiativeIds: z.array(Id).min(1).max(100_000).optional(),
  /** Default: the funded stages (approved, active, done). */
  stages: z.array(z.enum(INITIATIVE_STAGES)).min(1).optional(),
  bins: z.number().int().min(1).max(200).optional(),
});
export type SimulationRequest = z.infer<typeof SimulationRequest>;

export interface StoredSimulation extends Omit<SimulateProblemResult, 'tornado'> {
  discountRate: number;
  /** Period 0 of the simulation: values are present values at this quarter. */
  asOf: string;
  /** The model each initiative was turned into (see docs/finance.md, "Over the API"). */
  items: (SimulateItem & { name: string })[];
  tornado: (TornadoEntry & { name: string })[];
}

const constant = (x: number): Triangular => ({ low: x, likely: x, high: x });
const scaled = (t: Triangular, f: number): Triangular => ({
  low: t.low * f,
  likely: t.likely * f,
  high: t.high * f,
});

/**
 * One stored initiative as a simulation item, periods counted from `planningStart` (earlier starts are
 * taken as 0). Cost: `costRange` (else the sum of `costPerPeriod`, certain), paid once in the start
 * quarter. Benefit per period: `benefitRange` (a range of the total) divided by the number of quarters from
 * the first to the last quarter with a benefit (else the mean of `benefitPerPeriod` over them, certain).
 */
export function simulationItem(i: StoredInitiative, planningStart: string): SimulateItem {
  const offset = Math.max(0, periodIndex(i.startPeriod) - periodIndex(planningStart));
  const totalCost = i.costPerPeriod.reduce((a, b) => a + b, 0);
  const positive = i.benefitPerPeriod.flatMap((b, k) => (b > 0 ? [k] : []));
  const first = positive[0] ?? 0;
  const last = positive.at(-1) ?? Math.max(0, i.benefitPerPeriod.length - 1);
  const n = last - first + 1;
  const totalBenefit = i.benefitPerPeriod.reduce((a, b) => a + b, 0);
  return {
    id: i.id,
    probability: i.probability,
    costPeriod: offset,
    cost: i.costRange ?? constant(totalCost),
    benefit: i.benefitRange ? scaled(i.benefitRange, 1 / n) : constant(totalBenefit / n),
    benefitPeriods: [offset + first, offset + last],
  };
}

/** The simulation problem of a set of stored initiatives at the organization's discount rate. */
export function storedSimulateProblem(
  list: readonly StoredInitiative[],
  planningStart: string,
  discountRate: number,
  target?: number,
): SimulateProblem {
  return {
    discountRate,
    ...(target === undefined ? {} : { target }),
    items: list.map((i) => simulationItem(i, planningStart)),
  };
}

/**
 * Monte Carlo of portfolio value over stored initiatives, on the worker-thread pool (`simulateProblem`):
 * seeded, so the same request gives the same numbers. Tornado bars carry the initiative names.
 */
export async function simulateStoredPortfolio(
  ctx: ServiceContext,
  raw: unknown,
  options: { signal?: AbortSignal; onProgress?: (doneTrials: number, totalTrials: number) => void } = {},
): Promise<StoredSimulation> {
  const input = parseInput(SimulationRequest, raw ?? {}, 'simulation request');
  const [settings, list] = await Promise.all([
    loadPlanningSettings(ctx),
    loadInitiatives(ctx.store.db, ctx.orgId, {
      ...(input.initiativeIds ? { ids: [...new Set(input.initiativeIds)] } : {}),
      ...(input.stages || !input.initiativeIds ? { stages: input.stages ?? FUNDED_STAGES } : {}),
    }),
  ]);
  if (input.initiativeIds) {
    const found = new Set(list.map((i) => i.id));
    const missing = input.initiativeIds.filter((id) => !found.has(id));
    if (missing.length > 0 && !input.stages) {
      throw new DomainError('unknown_reference', `no initiative ${missing[0]} in this organization`, {
        issues: missing.slice(0, 50).map((id) => ({ path: ['initiativeIds'], message: `unknown ${id}` })),
      });
    }
  }
  if (list.length === 0) {
    throw new DomainError('unprocessable', 'no initiative matches; nothing to simulate', {
      issues: [{ path: ['stages'], message: 'no initiative in these stages' }],
    });
  }
  const problem = storedSimulateProblem(list, settings.planningStart, settings.discountRate, input.target);
  const result = await simulateProblem(problem, {
    ...(input.trials === undefined ? {} : { trials: input.trials }),
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    ...(input.bins === undefined ? {} : { bins: input.bins }),
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const names = new Map(list.map((i) => [i.id, i.name]));
  return {
    ...result,
    discountRate: settings.discountRate,
    asOf: settings.planningStart,
    items: problem.items.map((item) => ({ ...item, name: names.get(item.id) ?? '' })),
    tornado: result.tornado.map((t) => ({ ...t, name: names.get(t.id) ?? '' })),
  };
}
