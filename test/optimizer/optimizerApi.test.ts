import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodAt, periodIndex } from '../../src/domain/periods.ts';
import { buildPortfolioProblem } from '../../src/engine/optimize/buildPortfolioProblem.ts';
import { greedyScoreRanking } from '../../src/engine/optimize/greedyScoreRanking.ts';
import { systemContext } from '../../src/services/context.ts';
import { OptimizerConstraints } from '../../src/services/scenarios/optimizerConstraints.ts';
import type { PortfolioFrontier } from '../../src/services/scenarios/portfolioFrontier.ts';
import { loadPortfolioInput } from '../../src/services/scenarios/portfolioInput.ts';
import type { PortfolioRun } from '../../src/services/scenarios/portfolioRun.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

interface StoredInitiative {
  id: string;
  name: string;
  stage: string;
  startPeriod: string;
  costPerPeriod: number[];
  demand: { roleId: string; perPeriod: number[] }[];
  mandatory: boolean;
}
interface StoredPerson {
  roleId: string | null;
  fte: number;
  timeOff: Record<string, number>;
}

const BUDGET = 3_000_000;
const EPS = 1e-6;

/**
 * The optimizer over the demo organization, through the API: every budget and capacity holds when the
 * selection is checked against the initiatives and people read back through the list API; the optimizer
 * is never below score ranking at the same budget (on the demo: strictly above); the frontier; roles.
 */
describe.each(BACKENDS)('optimizer over the demo on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let initiatives: StoredInitiative[];
  let people: StoredPerson[];
  let run: PortfolioRun;

  let roles: { id: string; name: string }[];
  const designRole = () => roles.find((r) => r.name === 'Design')!.id;

  async function list<T>(path: string): Promise<T[]> {
    const res = await api.request('GET', `${path}?limit=500`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: T[] }).items;
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    api = await world.as('portfolio');
    initiatives = await list<StoredInitiative>('/api/v1/initiatives');
    people = await list<StoredPerson>('/api/v1/people');
    roles = await list<{ id: string; name: string }>('/api/v1/roles');
    const res = await api.request('POST', '/api/v1/optimizer/run', {
      budgetPerPeriod: BUDGET,
      timeLimitSeconds: 2,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    run = (await res.json()) as PortfolioRun;
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('solves the demo and respects every budget and role capacity, checked from the stored rows', () => {
    expect(['optimal', 'feasible']).toContain(run.result.status);
    expect(run.result.objective).not.toBeNull();
    expect(run.result.gap).not.toBeNull();
    expect(run.result.bound! + EPS).toBeGreaterThanOrEqual(run.result.objective!);
    const periods = run.settings.periods;
    expect(run.settings.budgetPerPeriod).toEqual(periods.map(() => BUDGET));
    const byId = new Map(initiatives.map((i) => [i.id, i]));
    const cost = new Map<string, number>();
    const demand = new Map<string, number>();
    for (const s of run.result.selected) {
      const id = typeof s === 'string' ? s : s.id;
      const it = byId.get(id)!;
      // The start: the chosen option ("start-2027Q3") in time-phased mode, else the stored start.
      const start = typeof s === 'string' ? it.startPeriod : s.option.replace('start-', '');
      expect(['proposed', 'approved', 'active']).toContain(it.stage);
      it.costPerPeriod.forEach((c, k) => {
        const q = periodAt(periodIndex(start) + k);
        cost.set(q, (cost.get(q) ?? 0) + c);
      });
      for (const d of it.demand)
        d.perPeriod.forEach((v, k) => {
          const key = `${d.roleId}|${periodAt(periodIndex(start) + k)}`;
          demand.set(key, (demand.get(key) ?? 0) + v);
        });
    }
    for (const q of periods) expect(cost.get(q) ?? 0).toBeLessThanOrEqual(BUDGET + EPS);
    const roles = new Set(people.map((p) => p.roleId).filter((r): r is string => r !== null));
    for (const role of roles)
      for (const q of periods) {
        const capacity = people
          .filter((p) => p.roleId === role)
          .reduce((s, p) => s + Math.max(0, p.fte - (p.timeOff[q] ?? 0)), 0);
        expect(demand.get(`${role}|${q}`) ?? 0, `${role} ${q}`).toBeLessThanOrEqual(capacity + 1e-3);
      }
    // Every stored mandatory candidate is in.
    const chosen = new Set(run.result.selected.map((s) => (typeof s === 'string' ? s : s.id)));
    for (const it of initiatives)
      if (it.mandatory && ['proposed', 'approved', 'active'].includes(it.stage))
        expect(chosen.has(it.id)).toBe(true);
    // The totals shown agree with the independent sums.
    for (const row of run.totals.costPerPeriod) expect(row.cost).toBeCloseTo(cost.get(row.period) ?? 0, 0);
    // Every left-out candidate is explained, by name.
    const candidates = initiatives.filter((i) => ['proposed', 'approved', 'active'].includes(i.stage));
    expect(run.explanations.length).toBe(candidates.length - chosen.size);
    for (const e of run.explanations) {
      expect(e.name).toBe(byId.get(e.item)!.name);
      expect(e.text.length).toBeGreaterThan(0);
    }
  });

  it('beats score ranking at the same budget (ranking recomputed here on the same problem)', async () => {
    const c = OptimizerConstraints.parse({ budgetPerPeriod: BUDGET });
    const input = await loadPortfolioInput(systemContext(store, world.orgId), c);
    const { problem } = buildPortfolioProblem(input.initiatives, input.settings);
    const ranking = greedyScoreRanking(problem, { by: 'value' });
    expect(run.baseline.value).toBeCloseTo(ranking.value, 9);
    expect(run.result.objective!).toBeGreaterThanOrEqual(ranking.value - EPS);
    // The demo's evidence: the optimizer's plan is worth strictly more at the same budget.
    expect(run.result.objective!).toBeGreaterThan(ranking.value + 1e-3);
    expect(run.improvement).toBeCloseTo(run.result.objective! - ranking.value, 9);
    // On the demo, ranking at the stored starts cannot fit the mandatory FedRAMP work (it needs 4 Design
    // FTE in a quarter where time off leaves 3.9), so its list breaks a rule; with Design at 4 FTE it
    // is feasible, and still well below the optimizer.
    expect(run.baseline.feasible).toBe(false);
    const design = designRole();
    const res = await api.request('POST', '/api/v1/optimizer/run', {
      budgetPerPeriod: BUDGET,
      capacityPerRolePerPeriod: { [design]: 4 },
      timeLimitSeconds: 2,
    });
    const fair = (await res.json()) as PortfolioRun;
    expect(fair.baseline.feasible).toBe(true);
    expect(fair.result.objective!).toBeGreaterThan(fair.baseline.value + 1e-3);
    console.log(
      `[${backend}] demo, Design at 4 FTE, ${BUDGET}/quarter: optimizer ${fair.result.objective!.toFixed(3)} (${fair.result.selected.length}, ${fair.result.status}, gap ${fair.result.gap}) vs feasible score ranking ${fair.baseline.value.toFixed(3)} (${fair.baseline.selected.length})`,
    );
    console.log(
      `[${backend}] demo, strategic value at ${BUDGET}/quarter: optimizer ${run.result.objective!.toFixed(3)} (${run.result.selected.length} initiatives, ${run.result.status}, gap ${run.result.gap}) vs score ranking ${ranking.value.toFixed(3)} (${ranking.selected.length}): +${((100 * run.improvement!) / ranking.value).toFixed(1)} %`,
    );
  });

  it('draws the frontier: ≥ 20 levels, non-decreasing, never below score ranking', async () => {
    const res = await api.request('POST', '/api/v1/optimizer/frontier', {
      capacityPerRolePerPeriod: { [designRole()]: 4 },
      timeLimitSeconds: 8,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const f = (await res.json()) as PortfolioFrontier;
    expect(f.points.length).toBeGreaterThanOrEqual(20);
    let previous = Number.NEGATIVE_INFINITY;
    let strictlyAbove = 0;
    // Below some budget the mandatory work no longer fits: those levels (only at the low end) have no value.
    const firstFeasible = f.points.findIndex((p) => p.value !== null);
    expect(f.points.length - firstFeasible).toBeGreaterThanOrEqual(10);
    for (const p of f.points.slice(0, firstFeasible)) expect(p.status).toBe('infeasible');
    for (const p of f.points.slice(firstFeasible)) {
      expect(p.value, `factor ${p.factor}`).not.toBeNull();
      expect(p.value!).toBeGreaterThanOrEqual(previous - 1e-6);
      previous = p.value!;
      if (p.rankingValue !== null) {
        expect(p.value!).toBeGreaterThanOrEqual(p.rankingValue - 1e-6);
        if (p.value! > p.rankingValue + 1e-3) strictlyAbove++;
      }
    }
    expect(strictlyAbove).toBeGreaterThan(0);
    console.log(
      `[${backend}] frontier (${f.points.length} levels, ${f.seconds.toFixed(1)} s): ${f.points
        .filter((_, k) => k % 5 === 0)
        .map((p) => `×${p.factor.toFixed(2)} ${p.value?.toFixed(2)} vs ${p.rankingValue?.toFixed(2) ?? '—'}`)
        .join(', ')}`,
    );
  });

  it('reports an impossible mandatory initiative as infeasible with conflict lines, never a 500', async () => {
    const big = initiatives
      .filter((i) => i.stage === 'proposed')
      .sort((a, b) => Math.max(...b.costPerPeriod) - Math.max(...a.costPerPeriod))[0]!;
    const res = await api.request('POST', '/api/v1/optimizer/run', {
      include: [big.id],
      budgetPerPeriod: 1000,
      timeLimitSeconds: 2,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PortfolioRun;
    expect(body.result.status).toBe('infeasible');
    expect(body.result.selected).toEqual([]);
    expect(body.conflicts?.lines.length).toBeGreaterThan(0);
    expect(body.conflicts!.lines.join('\n')).toContain('mandatory');
    expect(body.conflicts!.lines.some((l) => l.includes(big.name) || /budget-/.test(l))).toBe(true);
  });

  it('answers 400 for bad constraints and 422 for ids that are not candidates', async () => {
    for (const bad of [
      { objective: 'profit' },
      { timeLimitSeconds: 600 },
      { budgetPerPeriod: [1, 2] },
      { stages: ['cancelled'] },
      { unknownField: 1 },
    ]) {
      const res = await api.request('POST', '/api/v1/optimizer/run', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const res = await api.request('POST', '/api/v1/optimizer/run', {
      include: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.status).toBe(422);
  });

  it('refuses viewers and product managers (403) on run and frontier', async () => {
    for (const role of ['viewer', 'product'] as const) {
      const other = await world.as(role);
      for (const path of ['/api/v1/optimizer/run', '/api/v1/optimizer/frontier']) {
        const res = await other.request('POST', path, { timeLimitSeconds: 1 });
        expect(res.status, `${role} ${path}`).toBe(403);
      }
    }
  });
});
