import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSegments, type SegmentInput } from '../../src/engine/segments/segmentRanking.ts';
import type { PortfolioDashboard } from '../../src/services/dashboard/portfolioDashboard.ts';
import type { GoalProgressRow } from '../../src/services/lifecycle/goalProgressReport.ts';
import type { KpiAttainmentReport } from '../../src/services/lifecycle/kpiAttainmentReport.ts';
import type { ProductRecommendation } from '../../src/services/lifecycle/lifecycleRecommendations.ts';
import type { SegmentGaps } from '../../src/services/lifecycle/segmentGaps.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/** The fields of stored rows these tests read back. */
interface Row {
  id: string;
  name: string;
  slug: string;
  stage: string;
  status: string;
  weight: number;
  segmentId: string | null;
  startPeriod: string;
  costPerPeriod: number[];
  probability: number;
  impact: number;
  period: string;
  revenue: number;
  cost: number;
  fte: number;
  timeOff: Record<string, number>;
  initiativeId: string | null;
  demand: { roleId: string; perPeriod: number[] }[];
}

async function listAll<T = Row>(api: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.request('GET', `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const body = (await res.json()) as { items: T[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

async function post(api: Client, path: string, body: unknown): Promise<Row> {
  const res = await api.request('POST', path, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Row;
}

const quarter = (p: string) => Number(p.slice(0, 4)) * 4 + Number(p.slice(5)) - 1;

describe.each(BACKENDS)('KPIs, goals, lifecycle, gaps and the dashboard over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let dashboard: () => Promise<PortfolioDashboard>;
  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    api = await world.as('portfolio');
    dashboard = async () => {
      const viewer = await world.as('viewer');
      const res = await viewer.request('GET', '/api/v1/dashboard/portfolio');
      expect(res.status).toBe(200);
      return (await res.json()) as PortfolioDashboard;
    };
  });
  afterAll(async () => store.close());

  it('gives KPI attainment, trend and status from measurements', async () => {
    const product = (await listAll(api, '/api/v1/products'))[0]!;
    const up = await post(api, '/api/v1/kpis', {
      productId: product.id,
      name: 'Activation rate',
      kind: 'custom',
      target: 100,
    });
    for (const [period, value] of [
      ['2026Q1', 60],
      ['2026Q2', 70],
      ['2026Q3', 80],
    ] as const)
      await post(api, '/api/v1/kpi-measurements', { kpiId: up.id, period, value });
    const down = await post(api, '/api/v1/kpis', {
      productId: product.id,
      name: 'Churn',
      kind: 'custom',
      direction: 'lower_is_better',
      target: 5,
    });
    await post(api, '/api/v1/kpi-measurements', { kpiId: down.id, period: '2026Q2', value: 10 });
    await post(api, '/api/v1/kpi-measurements', { kpiId: down.id, period: '2026Q3', value: 8 });

    const res = await api.request('GET', `/api/v1/kpis/attainment?productId=${product.id}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as KpiAttainmentReport;
    expect(report.kpis.every((k) => k.productId === product.id)).toBe(true);
    const a = report.kpis.find((k) => k.kpiId === up.id)!;
    // 80 of 100; slope 10 a quarter over a mean of 70.
    expect(a).toMatchObject({ current: 80, currentPeriod: '2026Q3', status: 'at_risk' });
    expect(a.attainment).toBeCloseTo(0.8, 12);
    expect(a.trend).toBeCloseTo(10 / 70, 12);
    expect(a.series).toHaveLength(3);
    const c = report.kpis.find((k) => k.kpiId === down.id)!;
    // Lower is better: 5 / 8; falling 2 a quarter over a mean of 9 is good news, which lifts it to at risk.
    expect(c.attainment).toBeCloseTo(5 / 8, 12);
    expect(c.trend).toBeCloseTo(-2 / 9, 12);
    expect(c.directionalTrend).toBeCloseTo(2 / 9, 12);
    expect(c.status).toBe('at_risk');
    const summary = report.products.find((p) => p.productId === product.id)!;
    expect(summary.kpiCount).toBe(report.kpis.length);

    const other = await world.as('portfolio', 'other');
    const foreign = (await listAll(other, '/api/v1/products'))[0]!;
    expect((await api.request('GET', `/api/v1/kpis/attainment?productId=${foreign.id}`)).status).toBe(404);
    expect((await api.request('GET', '/api/v1/kpis/attainment?productId=nope')).status).toBe(400);
  });

  it('rolls goal progress up from key results and linked initiatives and flags off-track goals', async () => {
    const goal = await post(api, '/api/v1/goals', { name: 'Hand-checked goal', weight: 0 });
    const kpi = await post(api, '/api/v1/kpis', { name: 'Partners live', kind: 'custom', target: 100 });
    await post(api, '/api/v1/kpi-measurements', { kpiId: kpi.id, period: '2026Q1', value: 20 });
    await post(api, '/api/v1/kpi-measurements', { kpiId: kpi.id, period: '2026Q2', value: 50 });
    // A time frame long past: the goal should be complete by now (expected progress 1).
    const frame = { startPeriod: '2000Q1', duePeriod: '2001Q4' };
    const kr1 = await post(api, '/api/v1/key-results', {
      goalId: goal.id,
      kpiId: kpi.id,
      name: '100 partners live',
      start: 0,
      target: 100,
      ...frame,
    });
    const kr2 = await post(api, '/api/v1/key-results', {
      goalId: goal.id,
      name: 'Unmeasured',
      start: 10,
      target: 20,
      weight: 3,
      ...frame,
    });
    const initiative = (stage: string, alignment: number) =>
      post(api, '/api/v1/initiatives', {
        name: `Goal work ${stage} ${alignment}`,
        kind: 'platform',
        stage,
        startPeriod: '2027Q1',
        alignment: { [goal.id]: alignment },
      });
    await initiative('done', 0.8);
    const active = await initiative('active', 0.9);
    await initiative('done', 0.4); // not linked: alignment ≤ 0.5

    const progressOf = async () => {
      const res = await api.request('GET', '/api/v1/goals/progress');
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: GoalProgressRow[] }).items.find((g) => g.goalId === goal.id)!;
    };
    const g = await progressOf();
    // Key results: (0.5 × 1 + 0 × 3) / 4; linked: (1 × 0.8 + 0.5 × 0.9) / 1.7; blended 50/50.
    const krMean = (0.5 * 1 + 0 * 3) / 4;
    const items = (1 * 0.8 + 0.5 * 0.9) / 1.7;
    expect(g.keyResultsProgress).toBeCloseTo(krMean, 12);
    expect(g.linkedItemsProgress).toBeCloseTo(items, 12);
    expect(g.progress).toBeCloseTo(0.5 * krMean + 0.5 * items, 12);
    expect(g.expectedProgress).toBe(1);
    expect(g.offTrack).toBe(true);
    expect(g.linkedInitiatives).toHaveLength(2);
    expect(g.keyResults.find((k) => k.id === kr1.id)).toMatchObject({ current: 50, progress: 0.5 });
    expect((await dashboard()).needsDecision.offTrackGoals.map((x) => x.goalId)).toContain(goal.id);

    // Finish the work and meet the key results: back on track.
    await post(api, '/api/v1/kpi-measurements', { kpiId: kpi.id, period: '2026Q3', value: 100 });
    expect((await api.request('PATCH', `/api/v1/key-results/${kr2.id}`, { weight: 0 })).status).toBe(200);
    expect((await api.request('PATCH', `/api/v1/initiatives/${active.id}`, { stage: 'done' })).status).toBe(
      200,
    );
    const after = await progressOf();
    expect(after.progress).toBeCloseTo(1, 12);
    expect(after.offTrack).toBe(false);
    expect((await dashboard()).needsDecision.offTrackGoals.map((x) => x.goalId)).not.toContain(goal.id);
  });

  it('recommends invest, maintain or retire with its reasons, and compares with the recorded decision', async () => {
    const res = await api.request('GET', '/api/v1/lifecycle/recommendations');
    expect(res.status).toBe(200);
    const recs = ((await res.json()) as { items: ProductRecommendation[] }).items;
    const products = await listAll(api, '/api/v1/products');
    expect(recs).toHaveLength(products.length);
    for (const r of recs) {
      const score = r.reasons.reduce((s, x) => s + x.points, 0);
      expect(r.score).toBe(score);
      expect(r.recommendation).toBe(score >= 2 ? 'invest' : score <= -2 ? 'retire' : 'maintain');
      const rows = (await listAll(api, `/api/v1/product-financials?productId=${r.productId}`))
        .sort((a, b) => (a.period < b.period ? -1 : 1))
        .slice(-4);
      const revenue = rows.reduce((s, x) => s + x.revenue, 0);
      const cost = rows.reduce((s, x) => s + x.cost, 0);
      const margin = r.reasons.find((x) => x.factor === 'margin')!;
      if (revenue > 0) expect(margin.value).toBeCloseTo((revenue - cost) / revenue, 12);
      else expect(margin.value).toBeNull();
      expect(r.recentRevenue).toBe(revenue);
    }
    const target = recs.find((r) => r.recommendation !== 'retire')!;
    const decided = await world.as('admin');
    const decision = await decided.request('POST', `/api/v1/products/${target.productId}/decision`, {
      decision: 'retire',
      rationale: 'Board wants the capital elsewhere',
    });
    expect(decision.status).toBe(200);
    const again = (
      (await (await api.request('GET', '/api/v1/lifecycle/recommendations')).json()) as {
        items: ProductRecommendation[];
      }
    ).items.find((r) => r.productId === target.productId)!;
    expect(again.decision.current).toBe('retire');
    expect(again.decision.lastLogged?.rationale).toBe('Board wants the capital elsewhere');
    expect(again.needsDecision).toBe('differs');
    const listed = (await dashboard()).needsDecision.products.find((p) => p.productId === target.productId);
    expect(listed).toMatchObject({ current: 'retire', reason: 'differs' });
  });

  it('lists segment gaps by priority, drops a requirement once fully covered, and proposes an initiative', async () => {
    const segments = await listAll(api, '/api/v1/segments');
    let chosen: SegmentGaps | undefined;
    for (const s of segments) {
      const g = (await (await api.request('GET', `/api/v1/segments/${s.id}/gaps`)).json()) as SegmentGaps;
      if (g.gaps.filter((x) => x.ourLevel === 'none').length >= 2) {
        chosen = g;
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { segment, gaps } = chosen!;
    for (let k = 0; k < gaps.length; k++) {
      const gap = gaps[k]!;
      expect(gap.score).toBeCloseTo(
        segment.priority * gap.importance * (gap.ourLevel === 'partial' ? 0.5 : 1),
        12,
      );
      if (k > 0) expect(gap.score).toBeLessThanOrEqual(gaps[k - 1]!.score);
    }
    const [first, second] = gaps.filter((x) => x.ourLevel === 'none');
    const product = (await listAll(api, '/api/v1/products'))[0]!;

    // An idea in the backlog is not coverage; a full product coverage closes the gap.
    const idea = await post(api, '/api/v1/features', {
      productId: product.id,
      title: 'Idea only',
      status: 'idea',
    });
    await post(api, '/api/v1/requirement-coverage', {
      requirementId: first!.requirementId,
      featureId: idea.id,
      level: 'full',
    });
    const still = (await (
      await api.request('GET', `/api/v1/segments/${segment.id}/gaps`)
    ).json()) as SegmentGaps;
    expect(still.gaps.map((g) => g.requirementId)).toContain(first!.requirementId);
    await post(api, '/api/v1/requirement-coverage', {
      requirementId: first!.requirementId,
      productId: product.id,
      level: 'full',
      evidence: 'Shipped in the last release',
    });
    const closed = (await (
      await api.request('GET', `/api/v1/segments/${segment.id}/gaps`)
    ).json()) as SegmentGaps;
    expect(closed.gaps.map((g) => g.requirementId)).not.toContain(first!.requirementId);
    expect(closed.gaps).toHaveLength(gaps.length - 1);
    const covered = await api.request(
      'POST',
      `/api/v1/segments/${segment.id}/gaps/${first!.requirementId}/proposal`,
      {},
    );
    expect(covered.status).toBe(409);
    const twoSubjects = await api.request('POST', '/api/v1/requirement-coverage', {
      requirementId: first!.requirementId,
      productId: product.id,
      competitorId: product.id,
      level: 'full',
    });
    expect(twoSubjects.status).toBe(400);

    const proposed = await api.request(
      'POST',
      `/api/v1/segments/${segment.id}/gaps/${second!.requirementId}/proposal`,
      {},
    );
    expect(proposed.status).toBe(201);
    const initiative = (await proposed.json()) as Row & { kind: string; description: string };
    expect(initiative).toMatchObject({
      name: second!.proposal.name,
      kind: second!.proposal.kind,
      stage: 'proposed',
      segmentId: segment.id,
      startPeriod: '2027Q1',
    });
    expect(initiative.description).toContain(`Approach: ${second!.proposal.approach}`);
    const admin = await world.as('admin');
    const audit = (await (await admin.request('GET', `/api/v1/audit?entityId=${initiative.id}`)).json()) as {
      items: { action: string; entity: string }[];
    };
    expect(audit.items).toEqual([expect.objectContaining({ action: 'create', entity: 'initiatives' })]);
    const viewer = await world.as('viewer');
    const forbidden = await viewer.request(
      'POST',
      `/api/v1/segments/${segment.id}/gaps/${second!.requirementId}/proposal`,
      {},
    );
    expect(forbidden.status).toBe(403);
  });

  it('scores investment against segment priority exactly as computed from the rows read back', async () => {
    const d = await dashboard();
    const goals = await listAll(api, '/api/v1/goals');
    const segmentRows = await listAll<
      SegmentInput & { overrideRank: number | null; overrideRationale: string | null }
    >(api, '/api/v1/segments');
    const totalWeight = goals.reduce((s, g) => s + g.weight, 0);
    const goalWeights = Object.fromEntries(goals.map((g) => [g.id, g.weight / totalWeight]));
    const ranking = rankSegments(
      segmentRows.map((s) => ({
        ...s,
        override:
          s.overrideRank != null && s.overrideRationale
            ? { rank: s.overrideRank, rationale: s.overrideRationale }
            : null,
      })),
      goalWeights,
    );
    const priority = new Map(ranking.segments.map((s) => [s.segmentId, s.weight]));
    const funded = (
      await Promise.all(
        ['approved', 'active', 'done'].map((s) => listAll(api, `/api/v1/initiatives?stage=${s}`)),
      )
    ).flat();
    const first = quarter(d.periods[0]!);
    const last = quarter(d.periods.at(-1)!);
    const investment = new Map<string | null, number>();
    for (const i of funded) {
      i.costPerPeriod.forEach((c, t) => {
        const q = quarter(i.startPeriod) + t;
        if (q >= first && q <= last && c !== 0)
          investment.set(i.segmentId, (investment.get(i.segmentId) ?? 0) + c);
      });
    }
    const totalInvestment = [...investment.values()].reduce((a, b) => a + b, 0);
    const totalPriority = [...priority.values()].reduce((a, b) => a + b, 0);
    const keys = new Set<string | null>([...priority.keys(), ...investment.keys()]);
    let distance = 0;
    for (const k of keys) {
      const inv = (investment.get(k) ?? 0) / totalInvestment;
      const pri = k === null ? 0 : (priority.get(k) ?? 0) / totalPriority;
      distance += Math.abs(inv - pri);
    }
    expect(d.investmentBySegment.alignmentScore).toBeCloseTo(1 - distance / 2, 10);
    for (const row of d.investmentBySegment.rows) {
      expect(row.investment).toBeCloseTo(investment.get(row.segmentId) ?? 0, 6);
    }

    // Utilization over the 8 planning quarters: capacity = Σ FTE × (1 − time off); demand = allocations
    // outside initiatives + per funded initiative the larger of its role demand and its allocations.
    const people = await listAll(api, '/api/v1/people');
    const allocations = await listAll(api, '/api/v1/allocations');
    const horizon = Array.from({ length: 8 }, (_, k) => quarter('2027Q1') + k);
    let totalDemand = 0;
    let totalCapacity = 0;
    for (const q of horizon) {
      const label = d.periods.find((p) => quarter(p) === q)!;
      const capacity = people.reduce((s, p) => s + p.fte * (1 - (p.timeOff[label] ?? 0)), 0);
      let demand = allocations
        .filter((a) => a.period === label && a.initiativeId === null)
        .reduce((s, a) => s + a.fte, 0);
      for (const i of funded) {
        const k = q - quarter(i.startPeriod);
        const stated = i.demand.reduce((s, r) => s + (k >= 0 ? (r.perPeriod[k] ?? 0) : 0), 0);
        const allocated = allocations
          .filter((a) => a.period === label && a.initiativeId === i.id)
          .reduce((s, a) => s + a.fte, 0);
        demand += Math.max(stated, allocated);
      }
      totalDemand += demand;
      totalCapacity += capacity;
      const shown = d.tiles.utilization.trend.find((t) => t.period === label)!.value;
      expect(shown).toBeCloseTo(demand / capacity, 10);
    }
    expect(d.tiles.utilization.value).toBeCloseTo(totalDemand / totalCapacity, 10);
    expect(d.tiles.utilization.trend[0]!.value).toBeNull();

    // The other tiles and lists, from the rows too.
    const risks = await listAll(api, '/api/v1/risks');
    const open = risks.filter((r) => r.status !== 'closed');
    expect(d.tiles.riskExposure.value).toBeCloseTo(
      open.reduce((s, r) => s + r.probability * r.impact, 0),
      6,
    );
    const proposed = await listAll(api, '/api/v1/initiatives?stage=proposed');
    expect(d.needsDecision.proposedInitiatives.count).toBe(proposed.length);
    const all = await listAll(api, '/api/v1/initiatives');
    expect(d.riskValueBubbles).toHaveLength(all.filter((i) => i.stage !== 'cancelled').length);
    for (const b of d.riskValueBubbles) expect(b.expectedValue).toBeCloseTo(b.npv * b.probability, 6);
    const products = await listAll(api, '/api/v1/products');
    expect(d.bcg).toHaveLength(products.length);
    expect(d.geMcKinsey.segments).toHaveLength(segmentRows.length);
    expect(d.geMcKinsey.products).toHaveLength(products.length);
    expect(d.lifecycleMix.stages.reduce((s, x) => s + x.count, 0)).toBe(products.length);
    expect(d.periods).toHaveLength(d.tiles.roi.trend.length);
    expect(
      d.needsDecision.openHighRisks.every((r) => risks.find((x) => x.id === r.id)?.status === 'open'),
    ).toBe(true);
  });
});
