import { round, timingCompatible, tolerance } from './checkSelection.ts';
import { type Choice, type CompiledProblem, choiceUsage } from './compileProblem.ts';

/** Why a left-out item cannot simply be added to the chosen portfolio. */
export type Blocker =
  | { kind: 'resource'; resource: string; needs: number; free: number; shortfall: number }
  | { kind: 'group-max'; group: string; excess: number }
  | { kind: 'excludes'; other: string }
  | { kind: 'requires'; required: string }
  | { kind: 'requires-timing'; required: string }
  | { kind: 'forbidden' }
  | { kind: 'no-value'; value: number };

/** A change that would let the item in. */
export type Remedy =
  | { kind: 'increase'; resource: string; by: number }
  | { kind: 'drop'; items: string[]; valueLost: number; netChange: number }
  | { kind: 'add-prerequisite'; item: string }
  | { kind: 'allow'; item: string };

export interface ExclusionExplanation {
  item: string;
  /** The option (schedule) examined: the one closest to fitting. */
  option: string | null;
  value: number;
  blockers: Blocker[];
  remedies: Remedy[];
  /** The same in one or two sentences. */
  text: string;
}

/**
 * For each item left out of `choice`, lists the constraints that bind it (which resource in which
 * period is short and by how much, which excludes/requires/group rule blocks it) and what would
 * bring it in: more of each short resource, or dropping the cheapest selected items that free it.
 */
export function explainExclusions(cp: CompiledProblem, choice: Choice): ExclusionExplanation[] {
  const used = choiceUsage(cp, choice);
  const groupValue = cp.groups.map((_, k) => {
    let v = 0;
    for (let i = 0; i < choice.length; i++) if (choice[i] >= 0) v += cp.groupUse[k][choice[i]];
    return v;
  });
  const out: ExclusionExplanation[] = [];
  for (let i = 0; i < choice.length; i++) {
    if (choice[i] >= 0) continue;
    const cols = cp.itemColumns[i];
    if (cols.length === 0) {
      out.push({
        item: cp.itemIds[i],
        option: null,
        value: 0,
        blockers: [],
        remedies: [],
        text: `${cp.itemIds[i]} has no schedule option inside the planning horizon.`,
      });
      continue;
    }
    let best: { col: number; blockers: Blocker[]; score: number } | null = null;
    for (const col of cols) {
      const blockers = blockersOf(cp, choice, used, groupValue, i, col);
      const score =
        blockers.length * 1e6 +
        blockers.reduce((s, b) => s + (b.kind === 'resource' ? b.shortfall / Math.max(b.needs, 1e-9) : 1), 0);
      if (!best || score < best.score) best = { col, blockers, score };
    }
    if (!best) continue;
    const remedies = remediesFor(cp, choice, i, best.blockers, cp.columns[best.col].value);
    const c = cp.columns[best.col];
    const option = c.option >= 0 ? (cp.problem.items[i].options?.[c.option]?.id ?? null) : null;
    out.push({
      item: cp.itemIds[i],
      option,
      value: c.value,
      blockers: best.blockers,
      remedies,
      text: describe(cp.itemIds[i], option, best.blockers, remedies),
    });
  }
  return out;
}

function blockersOf(
  cp: CompiledProblem,
  choice: Choice,
  used: Float64Array,
  groupValue: number[],
  i: number,
  col: number,
): Blocker[] {
  const b: Blocker[] = [];
  const c = cp.columns[col];
  if (cp.forbidden[i]) b.push({ kind: 'forbidden' });
  for (const j of cp.excludes[i]) if (choice[j] >= 0) b.push({ kind: 'excludes', other: cp.itemIds[j] });
  for (const j of cp.requires[i]) {
    if (choice[j] < 0) b.push({ kind: 'requires', required: cp.itemIds[j] });
    else if (!timingCompatible(cp, col, choice[j]))
      b.push({ kind: 'requires-timing', required: cp.itemIds[j] });
  }
  for (let r = 0; r < used.length; r++) {
    if (c.uses[r] <= 0) continue;
    const free = cp.capacity[r] - used[r];
    if (c.uses[r] > free + tolerance(cp.capacity[r]))
      b.push({
        kind: 'resource',
        resource: cp.resourceIds[r],
        needs: c.uses[r],
        free,
        shortfall: c.uses[r] - free,
      });
  }
  cp.groups.forEach((g, k) => {
    const v = groupValue[k] + cp.groupUse[k][col];
    if (v > g.max + tolerance(g.max)) b.push({ kind: 'group-max', group: g.id, excess: v - g.max });
  });
  if (b.length === 0) b.push({ kind: 'no-value', value: c.value });
  return b;
}

function remediesFor(
  cp: CompiledProblem,
  choice: Choice,
  i: number,
  blockers: Blocker[],
  value: number,
): Remedy[] {
  const remedies: Remedy[] = [];
  const shortfall = new Map<number, number>();
  const mustDrop = new Set<number>();
  for (const b of blockers) if (b.kind === 'excludes') mustDrop.add(cp.itemIds.indexOf(b.other));
  for (const b of blockers) {
    if (b.kind === 'resource') {
      const r = cp.resourceIds.indexOf(b.resource);
      shortfall.set(r, b.shortfall);
      // The excluded items must go anyway: only what they do not free has to be added.
      let freed = 0;
      for (const j of mustDrop) freed += cp.columns[choice[j]].uses[r];
      if (b.shortfall - freed > tolerance(cp.capacity[r]))
        remedies.push({ kind: 'increase', resource: b.resource, by: round(b.shortfall - freed) });
    } else if (b.kind === 'excludes') continue;
    else if (b.kind === 'requires') remedies.push({ kind: 'add-prerequisite', item: b.required });
    else if (b.kind === 'forbidden') remedies.push({ kind: 'allow', item: cp.itemIds[i] });
  }
  // Drop plan: the selected items (not mandatory, nothing selected depends on them) that free the
  // short resources at the least value per unit freed.
  if (shortfall.size > 0 || mustDrop.size > 0) {
    const remaining = new Map(shortfall);
    for (const j of mustDrop)
      for (const [r, s] of remaining) remaining.set(r, s - cp.columns[choice[j]].uses[r]);
    const candidates: number[] = [];
    for (let j = 0; j < choice.length; j++) {
      if (choice[j] < 0 || mustDrop.has(j) || cp.mandatory[j]) continue;
      if (cp.requiredBy[j].some((d) => choice[d] >= 0)) continue;
      candidates.push(j);
    }
    const drop = [...mustDrop];
    let ok = true;
    while ([...remaining.values()].some((s) => s > 1e-9)) {
      let bestJ = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const j of candidates) {
        if (drop.includes(j)) continue;
        let freed = 0;
        for (const [r, s] of remaining) if (s > 0) freed += Math.min(s, cp.columns[choice[j]].uses[r]) / s;
        if (freed <= 0) continue;
        const score = cp.columns[choice[j]].value / freed;
        if (score < bestScore) {
          bestScore = score;
          bestJ = j;
        }
      }
      if (bestJ < 0) {
        ok = false;
        break;
      }
      drop.push(bestJ);
      for (const [r, s] of remaining) remaining.set(r, s - cp.columns[choice[bestJ]].uses[r]);
    }
    if (ok && drop.length > 0) {
      const lost = drop.reduce((s, j) => s + cp.columns[choice[j]].value, 0);
      remedies.push({
        kind: 'drop',
        items: drop.map((j) => cp.itemIds[j]),
        valueLost: round(lost),
        netChange: round(value - lost),
      });
    }
  }
  return remedies;
}

function describe(item: string, option: string | null, blockers: Blocker[], remedies: Remedy[]): string {
  const name = option ? `${item} (${option})` : item;
  const why = blockers.map(blockerText);
  // Rule fixes are needed whatever else is done; more capacity and dropping items are alternatives.
  const rules: string[] = [];
  for (const r of remedies) {
    if (r.kind === 'add-prerequisite') rules.push(`also fund ${r.item}`);
    if (r.kind === 'allow') rules.push('lift the ban');
  }
  const excluded = blockers.flatMap((b) => (b.kind === 'excludes' ? [b.other] : []));
  const increases = remedies.flatMap((r) => (r.kind === 'increase' ? [`${r.resource} by ${r.by}`] : []));
  const alternatives: string[] = [];
  if (increases.length > 0)
    alternatives.push(
      [
        `increase ${increases.join(' and ')}`,
        ...(excluded.length ? [`drop ${excluded.join(', ')}`] : []),
        ...rules,
      ].join(' and '),
    );
  const drop = remedies.find((r) => r.kind === 'drop');
  if (drop && drop.kind === 'drop')
    alternatives.push(
      [
        `drop ${drop.items.join(', ')} (value ${drop.valueLost}; net change ${drop.netChange >= 0 ? '+' : ''}${drop.netChange})`,
        ...rules,
      ].join(' and '),
    );
  if (alternatives.length === 0 && rules.length > 0) alternatives.push(rules.join(' and '));
  return `${name} is left out: ${why.join('; ')}.${alternatives.length ? ` To bring it in: ${alternatives.join('; or ')}.` : ''}`;
}

function blockerText(b: Blocker): string {
  switch (b.kind) {
    case 'resource':
      return `${b.resource} is short by ${round(b.shortfall)} (needs ${round(b.needs)}, ${round(Math.max(0, b.free))} free)`;
    case 'group-max':
      return `group ${b.group} would exceed its maximum by ${round(b.excess)}`;
    case 'excludes':
      return `it excludes the selected ${b.other}`;
    case 'requires':
      return `it requires ${b.required}, which is not selected`;
    case 'requires-timing':
      return `its prerequisite ${b.required} does not end before it would start`;
    case 'forbidden':
      return 'it is forbidden';
    case 'no-value':
      return `its value (${round(b.value)}) adds nothing to the objective`;
  }
}
