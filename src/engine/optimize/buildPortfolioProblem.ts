import {
  type OptimizeProblem,
  optimizeProblemSchema,
  type PortfolioInitiative,
  type PortfolioSettings,
} from '../../domain/optimizeProblem.ts';

export interface PortfolioProblem {
  problem: OptimizeProblem;
  /** Things the conversion had to drop or assume (shown to the user, never silent). */
  warnings: string[];
}

/** Resource id of the budget of period `label`. */
export function budgetResourceId(label: string): string {
  return `budget-${label}`;
}

/** Resource id of role `role`'s capacity in period `label`. */
export function roleResourceId(role: string, label: string): string {
  return `${role}-${label}`;
}

/**
 * Value of an initiative starting in period `start` under the chosen objective:
 * strategic value = Σ alignment × goal weight; expected NPV = Σ (probability × benefit − cost)
 * discounted per period from the plan's first period; risk-adjusted = expected NPV − risk exposure.
 */
export function initiativeValue(it: PortfolioInitiative, settings: PortfolioSettings, start: number): number {
  if (settings.objective === 'strategic_value') {
    let v = 0;
    for (const [goal, a] of Object.entries(it.alignment)) v += a * (settings.goalWeights[goal] ?? 0);
    return v;
  }
  const d = (t: number) => (1 + settings.discountRate) ** -(start + t);
  let npv = 0;
  it.benefitPerPeriod.forEach((b, t) => {
    npv += it.probability * b * d(t);
  });
  it.costPerPeriod.forEach((c, t) => {
    npv -= c * d(t);
  });
  return settings.objective === 'expected_npv' ? npv : npv - it.riskExposure;
}

/**
 * Turns stored initiatives and the plan settings into the generic problem: one budget resource per
 * period, one capacity resource per role and period, a `risk` resource for the cap, segment and
 * goal groups over total investment; in time-phased mode one option per allowed start period.
 */
export function buildPortfolioProblem(
  initiatives: readonly PortfolioInitiative[],
  settings: PortfolioSettings,
): PortfolioProblem {
  const warnings: string[] = [];
  const periods = settings.periods;
  const P = periods.length;
  if (settings.budgetPerPeriod.length !== P)
    throw new Error(`budgetPerPeriod has ${settings.budgetPerPeriod.length} values for ${P} periods`);
  const resources: OptimizeProblem['resources'] = periods.map((label, t) => ({
    id: budgetResourceId(label),
    capacity: settings.budgetPerPeriod[t],
    kind: 'budget' as const,
  }));
  const roles = Object.keys(settings.capacityPerRolePerPeriod);
  for (const role of roles) {
    const caps = settings.capacityPerRolePerPeriod[role];
    if (caps.length !== P)
      throw new Error(`capacity of role ${role} has ${caps.length} values for ${P} periods`);
    periods.forEach((label, t) => {
      resources.push({ id: roleResourceId(role, label), capacity: caps[t], kind: 'capacity' });
    });
  }
  if (settings.riskCap !== undefined)
    resources.push({ id: 'risk', capacity: settings.riskCap, kind: 'risk' });

  const known = new Set(initiatives.map((i) => i.id));
  const usesAt = (it: PortfolioInitiative, start: number): Record<string, number> => {
    const uses: Record<string, number> = {};
    const add = (r: string, v: number) => {
      if (v !== 0) uses[r] = (uses[r] ?? 0) + v;
    };
    it.costPerPeriod.forEach((c, t) => {
      if (start + t < P) add(budgetResourceId(periods[start + t]), c);
    });
    for (const [role, demand] of Object.entries(it.demandPerRolePerPeriod)) {
      if (!roles.includes(role)) continue;
      demand.forEach((v, t) => {
        if (start + t < P) add(roleResourceId(role, periods[start + t]), v);
      });
    }
    if (settings.riskCap !== undefined) add('risk', it.riskExposure);
    return uses;
  };
  const unknownRoles = new Set<string>();
  const items: OptimizeProblem['items'] = initiatives.map((it) => {
    for (const role of Object.keys(it.demandPerRolePerPeriod))
      if (!roles.includes(role)) unknownRoles.add(role);
    const refs = (ids: string[], what: string) =>
      ids.filter((x) => {
        if (known.has(x) && x !== it.id) return true;
        warnings.push(`${it.id} ${what} ${x}, which is not among the candidates: ignored`);
        return false;
      });
    const earliest = Math.min(it.earliestStart ?? 0, P - 1);
    const base = {
      id: it.id,
      name: it.name,
      requires: refs(it.requires, 'requires'),
      excludes: refs(it.excludes, 'excludes'),
      mandatory: it.mandatory,
      forbidden: it.forbidden ?? false,
    };
    if (!settings.timePhased)
      return { ...base, value: initiativeValue(it, settings, earliest), uses: usesAt(it, earliest) };
    let latest = it.latestStart ?? Math.max(earliest, P - it.durationPeriods);
    if (settings.maxDelay !== undefined) latest = Math.min(latest, earliest + settings.maxDelay);
    latest = Math.min(latest, P - 1);
    const options = [];
    for (let s = earliest; s <= latest; s++)
      options.push({
        id: `start-${periods[s]}`,
        start: s,
        end: s + it.durationPeriods - 1,
        value: initiativeValue(it, settings, s),
        uses: usesAt(it, s),
      });
    if (options.length === 0)
      warnings.push(`${it.id} has no allowed start inside the plan: it cannot be chosen`);
    return { ...base, value: 0, uses: {}, options };
  });
  for (const role of unknownRoles)
    warnings.push(`role ${role} has no capacity in the settings: its demand is not limited`);

  const budgetIds = periods.map(budgetResourceId);
  const groups: OptimizeProblem['groups'] = [];
  for (const b of settings.segmentBounds ?? []) {
    groups.push({
      id: `segment-${b.segmentId}`,
      resource: budgetIds,
      items: initiatives.filter((i) => i.segmentId === b.segmentId).map((i) => i.id),
      min: b.min,
      max: b.max,
    });
  }
  for (const b of settings.goalBounds ?? []) {
    const members = initiatives.filter((i) => (i.alignment[b.goalId] ?? 0) > 0);
    groups.push({
      id: `goal-${b.goalId}`,
      resource: budgetIds,
      items: members.map((i) => i.id),
      weights: Object.fromEntries(members.map((i) => [i.id, i.alignment[b.goalId]])),
      min: b.min,
      max: b.max,
    });
  }
  return { problem: optimizeProblemSchema.parse({ resources, items, groups }), warnings };
}
