import type { ScheduleProblem } from '../../domain/scheduleProblem.ts';

/**
 * Independent checker of a schedule, written as plainly as possible (maps and loops, none of the
 * solver's code): every item has a whole start ≥ its release date, starts after each `after` item ends,
 * and in every period no resource is used beyond its capacity. Returns the violations found.
 */
export function validateSchedule(
  problem: ScheduleProblem,
  starts: Record<string, number>,
): { ok: boolean; violations: string[] } {
  const violations: string[] = [];
  const items = new Map(problem.items.map((it) => [it.id, it]));
  for (const it of problem.items) {
    const s = starts[it.id];
    if (s === undefined || !Number.isInteger(s)) {
      violations.push(`${it.id} has no whole start`);
      continue;
    }
    if (s < (it.earliest ?? 0)) violations.push(`${it.id} starts at ${s} before its earliest ${it.earliest}`);
    for (const a of it.after ?? []) {
      const before = items.get(a);
      const sa = starts[a];
      if (before && sa !== undefined && sa + before.duration > s)
        violations.push(`${it.id} starts at ${s} before ${a} ends at ${sa + before.duration}`);
    }
  }
  for (const id of Object.keys(starts)) if (!items.has(id)) violations.push(`unknown item ${id} in schedule`);
  for (const r of problem.resources) {
    const capacity = (t: number): number =>
      typeof r.capacity === 'number' ? r.capacity : r.capacity[Math.min(t, r.capacity.length - 1)];
    const used = new Map<number, number>();
    for (const it of problem.items) {
      const a = it.demand?.[r.id] ?? 0;
      const s = starts[it.id];
      if (a === 0 || s === undefined) continue;
      for (let t = s; t < s + it.duration; t++) used.set(t, (used.get(t) ?? 0) + a);
    }
    for (const [t, u] of used)
      if (u > capacity(t) + 1e-9)
        violations.push(`${r.id} uses ${u} > capacity ${capacity(t)} in period ${t}`);
  }
  return { ok: violations.length === 0, violations };
}
