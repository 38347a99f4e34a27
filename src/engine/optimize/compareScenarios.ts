import type { OptimizeResult, Selection } from '../../domain/optimizeProblem.ts';

/** What a saved scenario contributes to a comparison. */
export interface ScenarioSnapshot {
  name: string;
  result: Pick<OptimizeResult, 'status' | 'objective' | 'selected' | 'usage'>;
}

export interface ScenarioComparison {
  a: string;
  b: string;
  objectiveA: number | null;
  objectiveB: number | null;
  /** b − a (null when either has no objective). */
  objectiveDelta: number | null;
  /** Items chosen in both with the same schedule. */
  inBoth: string[];
  onlyInA: string[];
  onlyInB: string[];
  /** Items chosen in both but with different options (start periods). */
  rescheduled: { id: string; optionA: string | null; optionB: string | null }[];
  /** Use of every resource in either scenario, side by side. */
  usage: { resource: string; a: number; b: number; delta: number }[];
}

const idOf = (s: Selection) => (typeof s === 'string' ? s : s.id);
const optionOf = (s: Selection) => (typeof s === 'string' ? null : s.option);

/** Side-by-side diff of two scenarios' results: objective, items added/removed/rescheduled, usage. */
export function compareScenarios(a: ScenarioSnapshot, b: ScenarioSnapshot): ScenarioComparison {
  const mapA = new Map(a.result.selected.map((s) => [idOf(s), optionOf(s)]));
  const mapB = new Map(b.result.selected.map((s) => [idOf(s), optionOf(s)]));
  const inBoth: string[] = [];
  const rescheduled: ScenarioComparison['rescheduled'] = [];
  for (const [id, optA] of mapA) {
    if (!mapB.has(id)) continue;
    const optB = mapB.get(id) ?? null;
    if (optA === optB) inBoth.push(id);
    else rescheduled.push({ id, optionA: optA, optionB: optB });
  }
  const resources = [...new Set([...Object.keys(a.result.usage), ...Object.keys(b.result.usage)])].sort();
  const oa = a.result.objective;
  const ob = b.result.objective;
  return {
    a: a.name,
    b: b.name,
    objectiveA: oa,
    objectiveB: ob,
    objectiveDelta: oa !== null && ob !== null ? ob - oa : null,
    inBoth: inBoth.sort(),
    onlyInA: [...mapA.keys()].filter((id) => !mapB.has(id)).sort(),
    onlyInB: [...mapB.keys()].filter((id) => !mapA.has(id)).sort(),
    rescheduled: rescheduled.sort((x, y) => x.id.localeCompare(y.id)),
    usage: resources.map((r) => {
      const ua = a.result.usage[r] ?? 0;
      const ub = b.result.usage[r] ?? 0;
      return { resource: r, a: ua, b: ub, delta: ub - ua };
    }),
  };
}
