import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitiativeFinance } from '../../src/services/finance/initiativeFinance.ts';
import type { PortfolioFinance } from '../../src/services/finance/portfolioFinance.ts';
import type { ProductFinance } from '../../src/services/finance/productFinance.ts';
import type { RiskExposureView, RiskHeatMapView } from '../../src/services/finance/riskReports.ts';
import type { StoredSimulation } from '../../src/services/finance/storedPortfolioSimulation.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/** The fields of stored rows these tests read back. */
interface Row {
  id: string;
  slug: string;
  status: string;
  startPeriod: string;
  costPerPeriod: number[];
  benefitPerPeriod: number[];
  productId: string | null;
  initiativeId: string | null;
  probability: number;
  impact: number;
  period: string;
  revenue: number;
  cost: number;
}

/** Every page of a list route. */
async function listAll(api: Client, path: string): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.request('GET', `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const body = (await res.json()) as { items: Row[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

const quarter = (p: string) => Number(p.slice(0, 4)) * 4 + Number(p.slice(5)) - 1;

/** NPV written out by hand: Σ flow_t / 1.02^t. */
const npvAt2 = (flows: number[]) => flows.reduce((s, f, t) => s + f / 1.02 ** t, 0);

describe.each(BACKENDS)('finance and risk over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    api = await world.as('portfolio');
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('gives an initiative its cash flows, NPV, IRR, ROI and payback as computed by hand', async () => {
    const created = (await (
      await api.request('POST', '/api/v1/initiatives', {
        name: 'Hand-checked initiative',
        kind: 'enhancement',
        stage: 'on_hold',
        startPeriod: '2030Q1',
        costPerPeriod: [100, 0, 0],
        benefitPerPeriod: [0, 60, 60],
        probability: 0.5,
      })
    ).json()) as Row;
    const res = await api.request('GET', `/api/v1/finance/initiatives/${created.id}`);
    expect(res.status).toBe(200);
    const f = (await res.json()) as InitiativeFinance;
    // Demo discount rate 2 % per quarter: NPV = −100 + 60/1.02 + 60/1.02².
    const npv = -100 + 60 / 1.02 + 60 / 1.0404;
    expect(f.npv).toBeCloseTo(npv, 9);
    expect(f.npv).toBeCloseTo(16.4936563, 6);
    // IRR: 100x² − 60x − 60 = 0 with x = 1 + r.
    expect(f.irr).toBeCloseTo((60 + Math.sqrt(60 * 60 + 4 * 100 * 60)) / 200 - 1, 8);
    expect(f.roi).toBeCloseTo(0.2, 12);
    expect(f.paybackPeriod).toBeCloseTo(1 + 40 / 60, 12);
    expect(f.discountedPaybackPeriod).toBeCloseTo(1 + (100 - 60 / 1.02) / (60 / 1.0404), 9);
    expect(f.expectedNpv).toBeCloseTo(npv * 0.5, 9);
    // The demo plans from 2027Q1: 12 quarters before 2030Q1.
    expect(f.npvAtPlanningStart).toBeCloseTo(npv / 1.02 ** 12, 9);
    expect(f.cashFlows.map((r) => [r.period, r.net, r.cumulative])).toEqual([
      ['2030Q1', -100, -100],
      ['2030Q2', 60, -40],
      ['2030Q3', 60, 20],
    ]);
    expect(f.paybackQuarter).toBe('2030Q3');
  });

  it('adds the funded initiatives into the portfolio figures on one timeline', async () => {
    const funded = (
      await Promise.all(
        ['approved', 'active', 'done'].map((s) => listAll(api, `/api/v1/initiatives?stage=${s}`)),
      )
    ).flat();
    const res = await api.request('GET', '/api/v1/finance/portfolio');
    expect(res.status).toBe(200);
    const p = (await res.json()) as PortfolioFinance;
    const base = Math.min(quarter('2027Q1'), ...funded.map((i) => quarter(i.startPeriod)));
    expect(quarter(p.portfolio.asOf)).toBe(base);
    let npv = 0;
    let cost = 0;
    let benefit = 0;
    for (const i of funded) {
      const offset = quarter(i.startPeriod) - base;
      const n = Math.max(i.costPerPeriod.length, i.benefitPerPeriod.length);
      const net = Array.from(
        { length: n },
        (_, t) => (i.benefitPerPeriod[t] ?? 0) - (i.costPerPeriod[t] ?? 0),
      );
      npv += npvAt2(net) / 1.02 ** offset;
      cost += i.costPerPeriod.reduce((a: number, b: number) => a + b, 0);
      benefit += i.benefitPerPeriod.reduce((a: number, b: number) => a + b, 0);
    }
    expect(p.initiatives).toHaveLength(funded.length);
    expect(p.portfolio.npv).toBeCloseTo(npv, 3);
    expect(p.portfolio.totalCost).toBeCloseTo(cost, 6);
    expect(p.portfolio.roi).toBeCloseTo((benefit - cost) / cost, 12);
    const productSum = p.products.reduce((s, x) => s + x.npv, 0);
    const withoutProduct = p.initiatives.filter((i) => i.productId === null).reduce((s, x) => s + x.npv, 0);
    expect(productSum + withoutProduct).toBeCloseTo(p.portfolio.npv, 3);
    const bad = await api.request('GET', '/api/v1/finance/portfolio?stage=funded');
    expect(bad.status).toBe(400);
  });

  it("states a product's recorded revenue and cost as stored", async () => {
    const products = await listAll(api, '/api/v1/products');
    const lumen = products.find((p) => p.slug === 'lumen-analytics')!;
    const rows = (await listAll(api, `/api/v1/product-financials?productId=${lumen.id}`)).sort((a, b) =>
      a.period < b.period ? -1 : 1,
    );
    const res = await api.request('GET', `/api/v1/finance/products/${lumen.id}`);
    expect(res.status).toBe(200);
    const f = (await res.json()) as ProductFinance;
    expect(f.history.periods.map((r) => r.period)).toEqual(rows.map((r) => r.period));
    expect(f.history.totalRevenue).toBe(rows.reduce((s, r) => s + r.revenue, 0));
    const last4 = rows.slice(-4);
    const rev = last4.reduce((s, r) => s + r.revenue, 0);
    const cost = last4.reduce((s, r) => s + r.cost, 0);
    expect(f.history.grossMargin).toBeCloseTo((rev - cost) / rev, 12);
    expect(f.plan.initiatives.every((i) => i.productId === lumen.id)).toBe(true);
  });

  it('sums risk exposure over open risks per product, initiative and portfolio', async () => {
    const products = await listAll(api, '/api/v1/products');
    await api.request('POST', '/api/v1/risks', {
      title: 'Closed risk does not count',
      productId: products[0]!.id,
      probability: 0.9,
      impact: 5_000_000,
      status: 'closed',
    });
    const risks = await listAll(api, '/api/v1/risks');
    const open = risks.filter((r) => r.status !== 'closed');
    const res = await api.request('GET', '/api/v1/risks/exposure');
    expect(res.status).toBe(200);
    const e = (await res.json()) as RiskExposureView;
    expect(e.openCount).toBe(open.length);
    expect(e.portfolio).toBeCloseTo(
      open.reduce((s, r) => s + r.probability * r.impact, 0),
      6,
    );
    expect(e.risks).toHaveLength(risks.length);
    for (const row of e.byProduct) {
      const direct = open.filter((r) => r.productId === row.productId);
      expect(row.exposure).toBeCloseTo(
        direct.reduce((s, r) => s + r.probability * r.impact, 0),
        6,
      );
    }
    for (const row of e.byInitiative) {
      const mine = open.filter((r) => r.initiativeId === row.initiativeId);
      expect(row.exposure).toBeCloseTo(
        mine.reduce((s, r) => s + r.probability * r.impact, 0),
        6,
      );
    }
  });

  it('places open risks on the 5 × 5 heat map', async () => {
    const open = (await listAll(api, '/api/v1/risks')).filter((r) => r.status !== 'closed');
    const res = await api.request('GET', '/api/v1/risks/heatmap');
    expect(res.status).toBe(200);
    const h = (await res.json()) as RiskHeatMapView;
    expect(h.cells).toHaveLength(25);
    const max = Math.max(...open.map((r) => r.impact));
    expect(h.moneyThresholds).toEqual([0.2 * max, 0.4 * max, 0.6 * max, 0.8 * max]);
    const expected = new Map<string, number>();
    for (const r of open) {
      const p = Math.min(5, Math.floor(r.probability * 5) + 1);
      const i = [0.2, 0.4, 0.6, 0.8].findIndex((f) => r.impact <= f * max);
      const key = `${p}/${i === -1 ? 5 : i + 1}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const c of h.cells) {
      expect(c.count).toBe(expected.get(`${c.probabilityBin}/${c.impactBin}`) ?? 0);
      expect(c.risks).toHaveLength(c.count);
    }
    expect(h.cells.reduce((s, c) => s + c.count, 0)).toBe(open.length);
  });

  it('simulates stored initiatives reproducibly, with the mean within 3 SE of the exact value', async () => {
    const make = async (name: string, body: Record<string, unknown>) =>
      (
        (await (
          await api.request('POST', '/api/v1/initiatives', {
            name,
            kind: 'platform',
            stage: 'on_hold',
            ...body,
          })
        ).json()) as Row
      ).id;
    // Planning starts 2027Q1: A starts one quarter later, B two.
    const a = await make('Simulated A', {
      startPeriod: '2027Q2',
      costPerPeriod: [60, 40],
      benefitPerPeriod: [0, 0, 30, 30, 30, 30],
      costRange: { low: 80, likely: 100, high: 150 },
      benefitRange: { low: 60, likely: 120, high: 180 },
      probability: 0.8,
    });
    const b = await make('Simulated B', {
      startPeriod: '2027Q3',
      costPerPeriod: [50],
      benefitPerPeriod: [0, 20, 20],
      probability: 0.6,
    });
    const body = { initiativeIds: [a, b], trials: 40_000, seed: 11, target: 0 };
    const first = await api.request('POST', '/api/v1/simulations', body);
    expect(first.status).toBe(200);
    const s1 = (await first.json()) as StoredSimulation;
    const s2 = (await (await api.request('POST', '/api/v1/simulations', body)).json()) as StoredSimulation;
    const { seconds: _a, ...r1 } = s1;
    const { seconds: _b, ...r2 } = s2;
    expect(r1).toEqual(r2);

    const itemA = s1.items.find((i) => i.id === a)!;
    const itemB = s1.items.find((i) => i.id === b)!;
    // A: cost paid in period 1; benefit range of the total over 4 quarters → per quarter ÷ 4, periods 3..6.
    expect(itemA).toMatchObject({
      costPeriod: 1,
      benefitPeriods: [3, 6],
      cost: { low: 80, likely: 100, high: 150 },
    });
    expect(itemA.benefit).toEqual({ low: 15, likely: 30, high: 45 });
    // B: no ranges: cost 50 for sure in period 2; benefit 20 a quarter in periods 3..4.
    expect(itemB).toMatchObject({
      costPeriod: 2,
      benefitPeriods: [3, 4],
      cost: { low: 50, likely: 50, high: 50 },
    });
    const d = (t: number) => 1.02 ** -t;
    const exact =
      0.8 * ((15 + 30 + 45) / 3) * (d(3) + d(4) + d(5) + d(6)) -
      ((80 + 100 + 150) / 3) * d(1) +
      (0.6 * 20 * (d(3) + d(4)) - 50 * d(2));
    expect(s1.expectedValue).toBeCloseTo(exact, 9);
    expect(Math.abs(s1.mean - exact)).toBeLessThan(3 * s1.standardError);
    expect(s1.trials).toBe(40_000);
    expect(s1.histogram.counts.reduce((x, y) => x + y, 0)).toBe(40_000);
    expect(s1.tornado.map((t) => t.name).sort()).toEqual(['Simulated A', 'Simulated B']);
    expect(s1.probabilityOfTarget).toBeGreaterThan(0);

    const other = await world.as('portfolio', 'other');
    const foreign = (await listAll(other, '/api/v1/initiatives'))[0]!;
    const refused = await api.request('POST', '/api/v1/simulations', { initiativeIds: [foreign.id] });
    expect(refused.status).toBe(422);
    const bad = await api.request('POST', '/api/v1/simulations', { trials: 0 });
    expect(bad.status).toBe(400);
  });

  it("answers not found for another organization's initiative or product", async () => {
    const other = await world.as('portfolio', 'other');
    const foreign = (await listAll(other, '/api/v1/initiatives'))[0]!;
    expect((await api.request('GET', `/api/v1/finance/initiatives/${foreign.id}`)).status).toBe(404);
    const foreignProduct = (await listAll(other, '/api/v1/products'))[0]!;
    expect((await api.request('GET', `/api/v1/finance/products/${foreignProduct.id}`)).status).toBe(404);
  });
});
