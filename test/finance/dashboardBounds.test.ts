import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioDashboard } from '../../src/services/dashboard/portfolioDashboard.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

interface Initiative {
  id: string;
  stage: string;
  costPerPeriod: number[];
}
interface Risk {
  id: string;
  status: string;
  probability: number;
  impact: number;
  initiativeId: string | null;
}

async function listAll<T>(api: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.request('GET', `${path}?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const body = (await res.json()) as { items: T[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Brute force: sort everything by the measure (ties by id), take the first n. */
const topBy = <T>(rows: T[], n: number, m: (r: T) => number, id: (r: T) => string) =>
  [...rows].sort((a, b) => m(b) - m(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)).slice(0, n);

/**
 * The dashboard's matrices carry only their largest points (issue 10: megabytes at scale), with
 * counts and totals over all of them. Counts and totals are checked against the entity lists; the
 * top N against a brute-force sort of every point (asked for with ?top=1000).
 */
describe.each(BACKENDS)('dashboard matrices, bounded, on %s', (backend) => {
  let store: Store;
  let viewer: Client;
  let initiatives: Initiative[];
  let risks: Risk[];
  let all: PortfolioDashboard;

  const get = async (query = '') => {
    const res = await viewer.request('GET', `/api/v1/dashboard/portfolio${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as PortfolioDashboard;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    const world = await demoWorld(store, { other: false });
    viewer = await world.as('viewer');
    initiatives = (await listAll<Initiative>(viewer, '/api/v1/initiatives')).filter(
      (i) => i.stage !== 'cancelled',
    );
    risks = await listAll<Risk>(viewer, '/api/v1/risks');
    all = await get('?top=1000');
  });
  afterAll(async () => store.close());

  it('counts and totals of the risk × value view come from every initiative and open risk', async () => {
    const d = await get();
    const exposure = (id: string) =>
      sum(
        risks
          .filter((r) => r.initiativeId === id && r.status !== 'closed')
          .map((r) => r.probability * r.impact),
      );
    const group = (rows: Initiative[]) => ({
      count: rows.length,
      exposure: sum(rows.map((i) => exposure(i.id))),
      cost: sum(rows.map((i) => sum(i.costPerPeriod))),
    });
    const funded = group(initiatives.filter((i) => i.stage !== 'proposed'));
    const proposed = group(initiatives.filter((i) => i.stage === 'proposed'));
    expect(funded.count).toBeGreaterThan(0);
    expect(proposed.count).toBeGreaterThan(0);
    const s = d.riskValueSummary;
    expect(s.total).toBe(initiatives.length);
    expect(s.shown).toBe(Math.min(50, initiatives.length));
    expect(s.by).toBe('expectedValue');
    for (const [got, want] of [
      [s.funded, funded],
      [s.proposed, proposed],
    ] as const) {
      expect(got.count).toBe(want.count);
      expect(got.exposure).toBeCloseTo(want.exposure, 6);
      expect(got.cost).toBeCloseTo(want.cost, 6);
    }
    // Every bubble, asked for: one per initiative, and their expected values add up to the totals.
    expect(all.riskValueBubbles.map((b) => b.initiativeId).sort()).toEqual(
      initiatives.map((i) => i.id).sort(),
    );
    expect(s.funded.expectedValue + s.proposed.expectedValue).toBeCloseTo(
      sum(all.riskValueBubbles.map((b) => b.expectedValue)),
      6,
    );
    for (const b of all.riskValueBubbles) expect(b.exposure).toBeCloseTo(exposure(b.initiativeId), 9);
    // The default is ?top=50 by expected value (goals' expected progress moves with the clock: not compared).
    const explicit = await get('?top=50&bubblesBy=expectedValue');
    for (const k of ['riskValueBubbles', 'riskValueSummary', 'bcg', 'bcgSummary', 'geMcKinsey'] as const)
      expect(d[k], k).toEqual(explicit[k]);
  });

  it.each(['expectedValue', 'exposure', 'cost'] as const)(
    '?top=7&bubblesBy=%s is exactly the seven largest, largest first',
    async (by) => {
      const d = await get(`?top=7&bubblesBy=${by}`);
      const want = topBy(
        all.riskValueBubbles,
        7,
        (b) => b[by],
        (b) => b.initiativeId,
      );
      expect(d.riskValueBubbles).toEqual(want);
      expect(d.riskValueSummary).toMatchObject({ total: initiatives.length, shown: 7, by });
      // What is cut does not change the totals.
      expect(d.riskValueSummary.funded).toEqual(all.riskValueSummary.funded);
    },
  );

  it('BCG and GE-McKinsey keep their counts per quadrant and box when cut', async () => {
    const products = await listAll<{ id: string }>(viewer, '/api/v1/products');
    const segments = await listAll<{ id: string }>(viewer, '/api/v1/segments');
    expect(all.bcg).toHaveLength(products.length);
    expect(all.geMcKinsey.products).toHaveLength(products.length);
    expect(all.geMcKinsey.segments).toHaveLength(segments.length);

    const d = await get('?top=2');
    expect(d.bcg).toEqual(
      topBy(
        all.bcg,
        2,
        (p) => p.revenue,
        (p) => p.productId,
      ),
    );
    expect(d.bcgSummary).toMatchObject({ total: products.length, shown: 2 });
    for (const q of ['star', 'cash_cow', 'question_mark', 'dog'] as const) {
      const inQ = all.bcg.filter((p) => p.quadrant === q);
      expect(d.bcgSummary.quadrants[q].count).toBe(inQ.length);
      expect(d.bcgSummary.quadrants[q].revenue).toBeCloseTo(sum(inQ.map((p) => p.revenue)), 6);
    }
    const revenue = new Map(all.bcg.map((p) => [p.productId, p.revenue]));
    expect(d.geMcKinsey.products).toEqual(
      topBy(
        all.geMcKinsey.products,
        2,
        (g) => revenue.get(g.id) ?? 0,
        (g) => g.id,
      ),
    );
    for (const [kind, rows] of [
      ['segments', all.geMcKinsey.segments],
      ['products', all.geMcKinsey.products],
    ] as const) {
      const summary = d.geMcKinseySummary[kind];
      expect(summary.total).toBe(rows.length);
      expect(summary.shown).toBe(Math.min(2, rows.length));
      expect(d.geMcKinsey[kind]).toHaveLength(summary.shown);
      expect(Object.keys(summary.boxes)).toHaveLength(9);
      for (const [box, n] of Object.entries(summary.boxes)) {
        const [a, s] = box.split('/');
        expect(n, box).toBe(rows.filter((g) => g.attractivenessLevel === a && g.strengthLevel === s).length);
      }
    }
  });

  it('refuses bounds it does not know', async () => {
    for (const q of ['top=0', 'top=1001', 'top=abc', 'top=2.5', 'bubblesBy=npv']) {
      const res = await viewer.request('GET', `/api/v1/dashboard/portfolio?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
  });
});
