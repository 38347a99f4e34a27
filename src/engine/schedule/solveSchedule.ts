import type { ScheduleObjective, ScheduleProblem, ScheduleResult } from '../../domain/scheduleProblem.ts';
import { type CompiledSchedule, capacityAt, compileSchedule } from './compileSchedule.ts';
import { explainLateness } from './explainLateness.ts';
import { justifySchedule, leftJustify } from './justifySchedule.ts';
import { lowerBounds } from './lowerBounds.ts';
import { mulberry32 } from './mulberry32.ts';
import { priorityList } from './priorityList.ts';
import { ResourceProfile } from './resourceProfile.ts';
import { makespanOf, serialSgs } from './serialSgs.ts';

export interface ScheduleOptions {
  objective?: ScheduleObjective;
  /** Wall-clock budget of the improvement search, in milliseconds (default 2000). */
  timeLimitMs?: number;
  /** Upper bound on decoded schedules (default unbounded): makes a run reproducible whatever the machine speed. */
  maxSchedules?: number;
  /** Seed of the local search (default 1). */
  seed?: number;
  /** Clock in milliseconds (default performance.now); injectable for tests. */
  now?: () => number;
  /** Stop after this many schedules in a row without a better one (default 1000 + 20 × items). */
  stallSchedules?: number;
  /** Skip forward–backward improvement and local search: the plain single-pass priority-rule schedule. */
  singlePass?: boolean;
}

/** Lexicographic score, smaller is better. */
type Score = [number, number, number];

/**
 * Resource-constrained roadmap scheduling: starts every item so that no resource is over capacity in
 * any period and every `after` item has ended, then minimizes the objective. Method: serial
 * schedule-generation scheme over a priority-rule activity list (LFT / priority), improved by
 * forward–backward justification, then a bounded local search that shifts items within their
 * precedence-feasible range of the activity list (each neighbour decoded and justified again), until the
 * lower bound is reached or the time / schedule budget runs out. Pure apart from reading the clock.
 */
export function solveSchedule(problem: ScheduleProblem, options: ScheduleOptions = {}): ScheduleResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const objective = options.objective ?? 'makespan';
  const timeLimit = options.timeLimitMs ?? 2000;
  const maxSchedules = options.maxSchedules ?? Number.POSITIVE_INFINITY;
  const c = compileSchedule(problem);
  const bounds = lowerBounds(c);
  const lowerBound = Math.max(
    bounds.criticalPath,
    bounds.disjunctive,
    Number.isFinite(bounds.resource) ? bounds.resource : 0,
  );
  const stats = {
    criticalPathBound: bounds.criticalPath,
    resourceBound: Number.isFinite(bounds.resource) ? bounds.resource : 0,
    disjunctiveBound: bounds.disjunctive,
    initialMakespan: null as number | null,
    schedules: 0,
    elapsedMs: 0,
  };
  const infeasible = (message: string): ScheduleResult => {
    stats.elapsedMs = now() - t0;
    return {
      status: 'infeasible',
      makespan: null,
      lowerBound,
      starts: {},
      ends: {},
      late: [],
      message,
      stats,
    };
  };
  const never = neverFits(c, bounds.earliestStart);
  if (never) return infeasible(never);
  if (bounds.exhausted) {
    const { resource: r, from, work } = bounds.exhausted;
    let offered = 0;
    for (let t = from; t < c.capacity[r].length; t++) offered += capacityAt(c, r, t);
    return infeasible(
      `resource "${c.resourceIds[r]}" offers ${offered} unit-periods from period ${from} on, but the items that cannot start earlier need ${work}`,
    );
  }

  const profile = new ResourceProfile(c);
  const weight = Float64Array.from(c.priority, (p) => 1 + Math.max(0, p));
  const score = (starts: Int32Array): Score => {
    let makespan = 0;
    let tardiness = 0;
    let completion = 0;
    for (let i = 0; i < c.n; i++) {
      const e = starts[i] + c.duration[i];
      if (e > makespan) makespan = e;
      if (c.deadline[i] >= 0 && e > c.deadline[i]) tardiness += weight[i] * (e - c.deadline[i]);
      completion += weight[i] * e;
    }
    return objective === 'makespan' ? [makespan, tardiness, completion] : [tardiness, completion, makespan];
  };
  const better = (a: Score, b: Score) =>
    a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  // Proven best: shortest possible makespan and nobody late (the tie-breakers cannot be proven, so stop there).
  const atBound = (s: Score) => objective === 'makespan' && s[0] <= lowerBound && s[1] === 0;

  const list = priorityList(c, bounds.latestFinish, objective);
  const first = serialSgs(c, list, profile);
  stats.schedules++;
  if (!first.ok)
    return infeasible(
      `item "${c.ids[first.item]}" cannot be placed: it needs more of "${c.resourceIds[first.resource]}" than is left in any window after its predecessors`,
    );
  stats.initialMakespan = makespanOf(c, first.starts);
  let best = first.starts;
  let bestScore = score(best);
  if (!options.singlePass) {
    // Decode a list and justify it; keeps whichever of the two scores better (justification serves the
    // makespan and may cost lateness), with the activity list that reproduces it.
    const random = mulberry32(options.seed ?? 1);
    let evaluations = 0;
    const evaluate = (l: Int32Array): { starts: Int32Array; list: Int32Array } | undefined => {
      const out = serialSgs(c, l, profile);
      stats.schedules++;
      if (!out.ok) return undefined;
      // Justification serves the makespan and costs several decodes; under the priority objective it
      // is tried on the first lists and then one neighbour in ten, leaving time for more schedules.
      if (objective === 'priority' && evaluations++ >= 2 && random() >= 0.1)
        return { starts: out.starts, list: l };
      const plain = Int32Array.from(out.starts);
      justifySchedule(c, out.starts, profile);
      if (better(score(plain), score(out.starts))) return { starts: plain, list: l };
      return { starts: out.starts, list: listByStart(c, out.starts, l) };
    };
    let current = list;
    let currentStarts = best;
    let currentScore = bestScore;
    const consider = (starts: Int32Array, l: Int32Array) => {
      const s = score(starts);
      if (better(s, currentScore)) {
        current = l;
        currentStarts = starts;
        currentScore = s;
      }
      if (better(s, bestScore)) {
        best = starts;
        bestScore = s;
      }
    };
    // Priority objective: the deadline-driven LFT list is a second start (priority order alone ignores deadlines).
    const seeds =
      objective === 'priority' ? [list, priorityList(c, bounds.latestFinish, 'makespan')] : [list];
    for (const [k, seedList] of seeds.entries()) {
      if (k > 0) {
        const plain = serialSgs(c, seedList, profile);
        stats.schedules++;
        if (plain.ok) consider(plain.starts, seedList);
      }
      const improved = evaluate(seedList);
      if (improved) consider(improved.starts, improved.list);
    }
    const position = new Int32Array(c.n);
    let sinceImprovement = 0;
    let sinceBest = 0;
    const patience = 30 + c.n;
    const stall = options.stallSchedules ?? 1000 + 20 * c.n;
    while (
      c.n > 1 &&
      !atBound(bestScore) &&
      stats.schedules < maxSchedules &&
      sinceBest < stall &&
      now() - t0 < timeLimit
    ) {
      let candidate = current;
      if (sinceImprovement > patience) {
        // Restart from the best list with a bigger kick.
        candidate = listByStart(c, best, current);
        sinceImprovement = 0;
        currentScore = [Number.POSITIVE_INFINITY, 0, 0];
        candidate = shiftMoves(c, candidate, position, random, 3 + Math.floor(random() * 6));
      } else if (currentScore[objective === 'makespan' ? 1 : 0] > 0 && random() < 0.5)
        candidate = pullLateItem(c, candidate, currentStarts, position, random);
      else candidate = shiftMoves(c, candidate, position, random, 1 + Math.floor(random() * 2));
      const next = evaluate(candidate);
      sinceImprovement++;
      sinceBest++;
      if (!next) continue;
      const s = score(next.starts);
      if (!better(currentScore, s)) {
        current = next.list;
        currentStarts = next.starts;
        currentScore = s;
      }
      if (better(s, bestScore)) {
        best = next.starts;
        bestScore = s;
        sinceImprovement = 0;
        sinceBest = 0;
      }
    }
  }

  // Rebuild the best schedule in the profile, make it left-justified so lateness causes are exact.
  profile.reset();
  const starts = Int32Array.from(best);
  for (let i = 0; i < c.n; i++) profile.apply(i, starts[i], 1);
  for (let k = 0; k < 3 && leftJustify(c, starts, profile); k++);
  const late = explainLateness(c, starts, profile);
  const makespan = makespanOf(c, starts);
  const startsOut: Record<string, number> = {};
  const endsOut: Record<string, number> = {};
  for (let i = 0; i < c.n; i++) {
    startsOut[c.ids[i]] = starts[i];
    endsOut[c.ids[i]] = starts[i] + c.duration[i];
  }
  stats.elapsedMs = now() - t0;
  return {
    status: makespan <= lowerBound ? 'optimal' : 'feasible',
    makespan,
    lowerBound,
    starts: startsOut,
    ends: endsOut,
    late,
    stats,
  };
}

/** The activity list implied by a schedule: by start, ties kept in the order of `previous`. */
function listByStart(c: CompiledSchedule, starts: Int32Array, previous: Int32Array): Int32Array {
  const rank = new Int32Array(c.n);
  previous.forEach((i, k) => {
    rank[i] = k;
  });
  return Int32Array.from(previous).sort((a, b) => starts[a] - starts[b] || rank[a] - rank[b]);
}

/** `moves` random shifts, each moving one item within the range its predecessors and successors allow. */
function shiftMoves(
  c: CompiledSchedule,
  list: Int32Array,
  position: Int32Array,
  random: () => number,
  moves: number,
): Int32Array {
  const out = Int32Array.from(list);
  for (let m = 0; m < moves; m++) {
    out.forEach((i, k) => {
      position[i] = k;
    });
    const from = Math.floor(random() * c.n);
    const item = out[from];
    let lo = 0;
    let hi = c.n - 1;
    for (const p of c.preds[item]) lo = Math.max(lo, position[p] + 1);
    for (const s of c.succs[item]) hi = Math.min(hi, position[s] - 1);
    if (hi <= lo) continue;
    const to = lo + Math.floor(random() * (hi - lo + 1));
    if (to === from) continue;
    if (to > from) out.copyWithin(from, from + 1, to + 1);
    else out.copyWithin(to + 1, to, from);
    out[to] = item;
  }
  return out;
}

/** Moves one late item (end after its deadline) to a random earlier place its predecessors allow. */
function pullLateItem(
  c: CompiledSchedule,
  list: Int32Array,
  starts: Int32Array,
  position: Int32Array,
  random: () => number,
): Int32Array {
  const late: number[] = [];
  for (let i = 0; i < c.n; i++)
    if (c.deadline[i] >= 0 && starts[i] + c.duration[i] > c.deadline[i]) late.push(i);
  if (late.length === 0) return list;
  const out = Int32Array.from(list);
  out.forEach((i, k) => {
    position[i] = k;
  });
  const item = late[Math.floor(random() * late.length)];
  const from = position[item];
  let lo = 0;
  for (const p of c.preds[item]) lo = Math.max(lo, position[p] + 1);
  if (lo >= from) return out;
  const to = lo + Math.floor(random() * (from - lo));
  out.copyWithin(to + 1, to, from);
  out[to] = item;
  return out;
}

/**
 * Names an item that can never run: for some resource, no window of `duration` consecutive periods
 * from its earliest start offers its demand (the capacity's last value repeats forever).
 */
function neverFits(c: CompiledSchedule, earliestStart: Int32Array): string | undefined {
  for (let i = 0; i < c.n; i++) {
    const d = c.duration[i];
    const rs = c.demandResource[i];
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      const need = c.demandAmount[i][k] - 1e-9;
      if (c.capacityTail[r] >= need) continue;
      let run = 0;
      let fits = false;
      const len = c.capacity[r].length;
      for (let t = earliestStart[i]; t < len && !fits; t++) {
        run = capacityAt(c, r, t) >= need ? run + 1 : 0;
        fits = run >= d;
      }
      if (!fits) {
        const most = Math.max(...c.capacity[r]);
        return `item "${c.ids[i]}" demands ${c.demandAmount[i][k]} of resource "${c.resourceIds[r]}" for ${d} period(s) from period ${earliestStart[i]}, but "${c.resourceIds[r]}" never offers that (at most ${most} per period${most > c.capacityTail[r] ? `, ${c.capacityTail[r]} from period ${len - 1} on` : ''})`;
      }
    }
  }
  return undefined;
}
