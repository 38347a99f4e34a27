import { z } from 'zod';

/**
 * Plain-file format of the roadmap scheduler (`sextant schedule problem.json`) and the shapes of its
 * answer. Time is counted in whole periods (0, 1, 2, …); see docs/scheduling.md for every field.
 */

const id = z.string().min(1, 'must not be empty').max(200);
const amount = z.number().finite().min(0, 'must be ≥ 0').max(1e9);
const period = z.number().int('must be a whole period').min(0, 'must be ≥ 0').max(100_000);

export const scheduleResourceSchema = z.object({
  id,
  name: z.string().optional(),
  /** Units available per period: one number for every period, or one number per period (the last value repeats). */
  capacity: z.union([amount, z.array(amount).min(1, 'needs at least one period').max(100_000)]),
});

export const scheduleItemSchema = z.object({
  id,
  name: z.string().optional(),
  /** Whole periods the item runs; 0 is a milestone. */
  duration: z
    .number()
    .int('duration must be a whole number of periods')
    .min(0, 'duration must be ≥ 0')
    .max(10_000),
  /** Units of each resource used in every period the item runs. */
  demand: z.record(z.string(), amount).default({}),
  /** Finish-to-start predecessors. */
  after: z.array(id).default([]),
  /** Higher is more important (e.g. the prioritization engine's score). */
  priority: z.number().finite().default(0),
  /** Release date: the first period the item may start. */
  earliest: period.default(0),
  /** Due end: the item should end (start + duration) no later than this. */
  deadline: period.optional(),
});

/** Finds one dependency cycle (as a list of ids, first id repeated at the end), or undefined. */
export function findDependencyCycle(
  items: readonly { id: string; after: readonly string[] }[],
): string[] | undefined {
  const byId = new Map(items.map((it) => [it.id, it]));
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const root of items) {
    if (state.has(root.id)) continue;
    // Iterative DFS so 100k-item chains do not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const preds = byId.get(top.id)?.after ?? [];
      if (top.next < preds.length) {
        const p = preds[top.next++];
        if (!byId.has(p)) continue;
        const s = state.get(p);
        if (s === 1) {
          const from = stack.findIndex((f) => f.id === p);
          return [...stack.slice(from).map((f) => f.id), p];
        }
        if (s === undefined) {
          state.set(p, 1);
          stack.push({ id: p, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        stack.pop();
      }
    }
  }
  return undefined;
}

/** The scheduling problem: items to place in time under per-period resource capacities and dependencies. */
export const scheduleProblemSchema = z
  .object({
    resources: z.array(scheduleResourceSchema).max(10_000),
    items: z.array(scheduleItemSchema).max(200_000),
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
    p.items.forEach((it, i) => {
      for (const r of Object.keys(it.demand))
        if (!resourceIds.has(r))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'demand', r],
            message: `item "${it.id}" demands unknown resource "${r}"`,
          });
      for (const a of it.after) {
        if (!itemIds.has(a))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'after'],
            message: `item "${it.id}" comes after unknown item "${a}"`,
          });
      }
    });
    const cycle = findDependencyCycle(p.items);
    if (cycle)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `cyclic "after": ${cycle.reverse().join(' → ')}`,
      });
  });

export type ScheduleResource = z.infer<typeof scheduleResourceSchema>;
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;
/** A validated problem (defaults filled in). */
export type ScheduleProblem = z.infer<typeof scheduleProblemSchema>;
/** A problem as written in a file (defaults optional). */
export type ScheduleProblemInput = z.input<typeof scheduleProblemSchema>;

/**
 * What the search minimizes. `makespan`: the end of the last item, then priority-weighted lateness, then
 * priority-weighted end times. `priority`: priority-weighted lateness, then priority-weighted end times
 * (high-priority items as early as possible), then makespan.
 */
export type ScheduleObjective = 'makespan' | 'priority';

/** Why a late item ended where it did: a resource short in a period, a predecessor, or its own release date. */
export type LateCause = { resource: string; period: number } | { after: string } | { earliest: number };

export interface LateItem {
  id: string;
  deadline: number;
  end: number;
  /** end − deadline, in periods. */
  slip: number;
  cause: LateCause;
}

export type ScheduleStatus = 'optimal' | 'feasible' | 'infeasible';

export interface ScheduleResult {
  /** `optimal` when the makespan equals the lower bound (proved shortest), `feasible` otherwise. */
  status: ScheduleStatus;
  /** End of the last item; null when infeasible. */
  makespan: number | null;
  /** max(critical-path, resource and disjunctive bounds); no schedule can end earlier. */
  lowerBound: number;
  starts: Record<string, number>;
  ends: Record<string, number>;
  /** Items ending after their deadline, latest-slipping first. */
  late: LateItem[];
  /** Set when infeasible: names the item and resource. */
  message?: string;
  stats: {
    criticalPathBound: number;
    resourceBound: number;
    /** Items that cannot overlap (capacity or a direct dependency) run in sequence. */
    disjunctiveBound: number;
    /** Makespan of the single-pass priority-rule serial schedule, before any improvement. */
    initialMakespan: number | null;
    /** Schedules decoded by the search. */
    schedules: number;
    elapsedMs: number;
  };
}
