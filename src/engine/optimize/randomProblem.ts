import type { OptimizeProblem } from '../../domain/optimizeProblem.ts';

/** Deterministic 32-bit PRNG (mulberry32) so generated problems are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomProblemShape {
  items: number;
  resources: number;
  /** Probability that an item gets 1–3 schedule options. */
  optionRate?: number;
  requiresRate?: number;
  excludesRate?: number;
  mandatoryRate?: number;
  forbiddenRate?: number;
  groups?: number;
  /** Capacity as a share of total demand (0..1). */
  tightness?: number;
}

/**
 * Random small problem with mixed constraints (options, requires, excludes, mandatory, forbidden,
 * group bounds) — the input of the property tests against brute force.
 */
export function randomProblem(seed: number, shape: RandomProblemShape): OptimizeProblem {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const resources = Array.from({ length: shape.resources }, (_, r) => ({ id: `r${r}`, capacity: 0 }));
  const totals = new Array<number>(shape.resources).fill(0);
  const uses = () => {
    const u: Record<string, number> = {};
    resources.forEach((res, r) => {
      if (rnd() < 0.8) {
        const v = int(1, 20);
        u[res.id] = v;
        totals[r] += v;
      }
    });
    return u;
  };
  const items: OptimizeProblem['items'] = Array.from({ length: shape.items }, (_, i) => {
    const hasOptions = rnd() < (shape.optionRate ?? 0);
    const base = {
      id: `i${i}`,
      value: int(-3, 30),
      uses: uses(),
      requires: [] as string[],
      excludes: [] as string[],
      mandatory: rnd() < (shape.mandatoryRate ?? 0),
      forbidden: rnd() < (shape.forbiddenRate ?? 0),
    };
    if (!hasOptions) return base;
    const options = Array.from({ length: int(1, 3) }, (_, k) => {
      const start = int(0, 4);
      return { id: `o${k}`, start, end: start + int(0, 2), value: int(0, 30), uses: uses() };
    });
    return { ...base, options };
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = 0; j < items.length; j++) {
      if (i === j) continue;
      // Requires only point to lower indices so the graph stays acyclic (like real prerequisites).
      if (j < i && rnd() < (shape.requiresRate ?? 0)) items[i].requires.push(items[j].id);
      if (j > i && rnd() < (shape.excludesRate ?? 0)) items[i].excludes.push(items[j].id);
    }
  }
  const tight = shape.tightness ?? 0.5;
  resources.forEach((r, k) => {
    r.capacity = Math.round(totals[k] * tight);
  });
  const groups: OptimizeProblem['groups'] = Array.from({ length: shape.groups ?? 0 }, (_, g) => {
    const members = items.filter(() => rnd() < 0.4).map((it) => it.id);
    const cap = resources.length > 0 ? resources[int(0, resources.length - 1)] : undefined;
    const useMin = rnd() < 0.5;
    return {
      id: `g${g}`,
      resource: cap?.id ?? 'r0',
      items: members,
      ...(useMin ? { min: int(0, 30) } : { max: int(10, 60) }),
    };
  });
  return { resources, items, groups: resources.length > 0 ? groups : [] };
}
