import type { ScheduleProblem } from '../../domain/scheduleProblem.ts';
import { mulberry32 } from './mulberry32.ts';

export interface ProjectInstanceParameters {
  items: number;
  resources: number;
  /** Network complexity: non-redundant-ish arcs per item (PSPLIB: 1.5, 1.8, 2.1). */
  networkComplexity: number;
  /** Resource factor: share of the resources each item uses (PSPLIB: 0.25 … 1). */
  resourceFactor: number;
  /** Resource strength: 0 = capacity is the largest single demand, 1 = the peak of the early-start schedule. */
  resourceStrength: number;
  seed: number;
}

/**
 * A seeded random project in the manner of ProGen / PSPLIB j30–j120 (Kolisch, Sprecher & Drexl 1995):
 * durations 1–10, demands 1–10 on a `resourceFactor` share of the resources, a random acyclic network
 * with about `networkComplexity` arcs per item (a tenth are start items, every other item has a predecessor
 * among the previous half of the items),
 * and capacity r_min + round(RS × (r_max − r_min)), where r_min is the largest single demand and r_max
 * the peak use in the early-start schedule.
 */
export function generateProjectInstance(p: ProjectInstanceParameters): ScheduleProblem {
  const random = mulberry32(p.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = p.items;
  const duration = Array.from({ length: n }, () => int(1, 10));
  const after: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const starters = Math.max(1, Math.round(n / 10));
  // Every non-start item gets one predecessor from the items before it (mostly recent ones).
  const window = Math.max(10, Math.round(n / 2));
  for (let i = starters; i < n; i++) after[i].add(i - 1 - Math.floor(random() * Math.min(i, window)));
  let arcs = n - starters;
  const target = Math.round(p.networkComplexity * n);
  for (let tries = 0; arcs < target && tries < 20 * n; tries++) {
    const j = int(starters, n - 1);
    const i = j - int(1, Math.min(j, window));
    if (!after[j].has(i)) {
      after[j].add(i);
      arcs++;
    }
  }
  const R = p.resources;
  const uses = Array.from({ length: n }, () => {
    const k = Math.max(1, Math.round(p.resourceFactor * R));
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(int(0, R - 1));
    return new Map([...chosen].map((r) => [r, int(1, 10)]));
  });
  const es = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (const a of after[i]) es[i] = Math.max(es[i], es[a] + duration[a]);
  const horizon = Math.max(...es.map((s, i) => s + duration[i]));
  const capacity = Array.from({ length: R }, (_, r) => {
    let rmin = 0;
    const use = new Array<number>(horizon + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const a = uses[i].get(r) ?? 0;
      rmin = Math.max(rmin, a);
      for (let t = es[i]; t < es[i] + duration[i]; t++) use[t] += a;
    }
    const rmax = Math.max(...use);
    return rmin + Math.round(p.resourceStrength * (rmax - rmin));
  });
  return {
    resources: capacity.map((c, r) => ({ id: `R${r + 1}`, capacity: c })),
    items: Array.from({ length: n }, (_, i) => ({
      id: `J${i + 1}`,
      duration: duration[i],
      demand: Object.fromEntries([...uses[i]].map(([r, a]) => [`R${r + 1}`, a])),
      after: [...after[i]].map((a) => `J${a + 1}`),
      priority: 0,
      earliest: 0,
    })),
  };
}
