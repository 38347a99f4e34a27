import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalWeights } from '../../src/engine/scoring/goalWeights.ts';
import type { PriorityOptions } from '../../src/engine/scoring/portfolioPriority.ts';
import type { FeatureRankingInput } from '../../src/engine/scoring/rankFeatures.ts';
import { referencePriorities } from '../../src/engine/scoring/referencePriority.ts';
import { rankSegments, type SegmentInput, type SwotKind } from '../../src/engine/segments/segmentRanking.ts';
import { addUser } from '../../src/services/auth/users.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Row = Record<string, unknown> & { id: string };

afterAll(() => closeWorkerPool());

/** Every row of a list route, following the cursor. */
async function listAll(api: Client, path: string): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.request('GET', `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, path).toBe(200);
    const page = (await res.json()) as { items: Row[]; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as T;
}

/** The pecking order the engine gives for the segments and goals read back through the list API. */
async function expectedSegmentRanking(api: Client) {
  const [segments, goals] = await Promise.all([
    listAll(api, '/api/v1/segments'),
    listAll(api, '/api/v1/goals'),
  ]);
  const weights = goalWeights({
    method: 'direct',
    goals: goals.map((g) => ({ id: g.id, name: String(g.name), weight: Number(g.weight) })),
  }).weights;
  const inputs: SegmentInput[] = segments.map((s) => ({
    id: s.id,
    name: String(s.name),
    marketSize: Number(s.marketSize),
    growthForecast: s.growthForecast as number[],
    ourShare: Number(s.ourShare),
    swot: (s.swot as { kind: SwotKind; score: number }[]).map((x) => ({ kind: x.kind, score: x.score })),
    goalFit: s.goalFit as Record<string, number>,
    override:
      s.overrideRank == null
        ? null
        : { rank: Number(s.overrideRank), rationale: String(s.overrideRationale) },
  }));
  return rankSegments(inputs, weights);
}

/** The engine input for one product's open backlog, from rows read back through the list API. */
async function expectedInput(api: Client, productId: string): Promise<FeatureRankingInput> {
  const ranking = await expectedSegmentRanking(api);
  const [features, customers, feedback, links] = await Promise.all([
    listAll(api, `/api/v1/features?productId=${productId}`),
    listAll(api, '/api/v1/customers'),
    listAll(api, '/api/v1/feedback'),
    listAll(api, '/api/v1/feedback-links'),
  ]);
  const open = features
    .filter((f) => f.status !== 'shipped' && f.status !== 'rejected')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = new Set(open.map((f) => f.id));
  const customerOf = new Map(feedback.map((f) => [f.id, (f.customerId as string | null) ?? null]));
  type Impact = { segmentId: string; revenue: number; retention: number; adoption: number };
  return {
    segments: ranking.segments.map((s) => ({
      segmentId: s.segmentId,
      name: s.name,
      rank: s.rank,
      weight: s.weight,
    })),
    features: open.map((f) => ({
      id: f.id,
      productId: String(f.productId),
      title: String(f.title),
      scope: f.scope as 'base' | 'segment_specific',
      targetSegmentIds: (f.segmentImpacts as Impact[]).map((s) => s.segmentId),
      impactBySegment: Object.fromEntries(
        (f.segmentImpacts as Impact[]).map(({ segmentId, ...impact }) => [segmentId, impact]),
      ),
      pulledBack: f.pulledBackRationale ? { rationale: String(f.pulledBackRationale) } : null,
    })),
    customers: customers.map((c) => ({
      id: c.id,
      segmentId: (c.segmentId as string | null) ?? null,
      annualRevenue: Number(c.annualRevenue),
    })),
    links: links
      .filter((l) => ids.has(String(l.featureId)))
      .map((l) => ({
        featureId: String(l.featureId),
        customerId: customerOf.get(String(l.feedbackId)) ?? null,
        importance: Number(l.importance),
        createdAt: String(l.createdAt),
      })),
  };
}

/** The reference order: not parked by score (ties by id, the input order), then parked by score. */
function referenceOrder(input: FeatureRankingInput, options: PriorityOptions = {}) {
  return referencePriorities(input, options)
    .map((r, k) => ({ ...r, k }))
    .sort((a, b) => Number(a.parked) - Number(b.parked) || b.score - a.score || a.k - b.k);
}

interface BacklogItem {
  featureId: string;
  rank: number | null;
  computedRank: number | null;
  score: number;
  parked: boolean;
  parkedReason: string | null;
  manualRank: number | null;
  status: string;
  breakdown: { impact: number; boost: { factor: number }; segments: { contribution: number }[] };
  frameworks: { rice: number };
}
interface Backlog {
  items: BacklogItem[];
  total: number;
  ranked: number;
  parked: number;
  nextOffset: number | null;
}

describe.each(BACKENDS)('prioritization over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let owned: string;
  let ownedSlug: string;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    const api = await world.as('admin');
    const me = await json<{ user: { id: string } }>(
      await (await world.as('product')).request('GET', '/api/v1/auth/me'),
    );
    const products = await listAll(api, `/api/v1/products?ownerId=${me.user.id}`);
    const product = products.sort((a, b) => String(a.slug).localeCompare(String(b.slug)))[0]!;
    owned = product.id;
    ownedSlug = String(product.slug);
  });
  afterAll(async () => store.close());

  it('ranks segments exactly as the engine does on the rows read back, with GE-McKinsey placements', async () => {
    const api = await world.as('viewer');
    const expected = await expectedSegmentRanking(api);
    const got = await json<{
      segments: {
        segmentId: string;
        rank: number;
        score: number;
        weight: number;
        factors: { contribution: number }[];
      }[];
      placements: { segments: { id: string }[]; products: { id: string; recommendation: string }[] };
    }>(await api.request('GET', '/api/v1/segments/ranking'));
    expect(got.segments.map((s) => [s.segmentId, s.rank])).toEqual(
      expected.segments.map((s) => [s.segmentId, s.rank]),
    );
    got.segments.forEach((s, k) => {
      expect(s.score).toBeCloseTo(expected.segments[k]!.score, 12);
      expect(s.weight).toBeCloseTo(expected.segments[k]!.weight, 12);
      expect(s.factors.reduce((t, f) => t + f.contribution, 0)).toBeCloseTo(s.score, 12);
    });
    expect(got.placements.segments).toHaveLength(expected.segments.length);
    expect(got.placements.products.length).toBe(8);
  });

  it("ranks a product's backlog as the reference implementation does on the same rows (and with capacity short)", async () => {
    const api = await world.as('viewer');
    const input = await expectedInput(api, owned);
    for (const capacityShort of [false, true]) {
      const expected = referenceOrder(input, { capacityShort });
      const got = await json<Backlog>(
        await api.request(
          'GET',
          `/api/v1/backlog?productId=${owned}&limit=20&capacityShort=${capacityShort}`,
        ),
      );
      expect(got.total).toBe(input.features.length);
      expect(got.parked).toBe(expected.filter((e) => e.parked).length);
      expect(got.items.map((i) => i.featureId)).toEqual(expected.slice(0, 20).map((e) => e.featureId));
      got.items.forEach((item, k) => {
        expect(item.score).toBeCloseTo(expected[k]!.score, 9);
        expect(item.breakdown.impact).toBeCloseTo(expected[k]!.impact, 9);
        expect(item.parked).toBe(expected[k]!.parked);
        expect(item.rank).toBe(item.parked ? null : k + 1);
        expect(item.breakdown.segments.reduce((t, s) => t + s.contribution, 0)).toBeCloseTo(
          item.breakdown.impact,
          9,
        );
        expect(typeof item.frameworks.rice).toBe('number');
      });
      if (capacityShort) expect(got.items.some((i) => i.breakdown.boost.factor > 1)).toBe(true);
    }
    // The slug names the product too; a second page continues the first.
    const page2 = await json<Backlog>(
      await api.request('GET', `/api/v1/backlog?productId=${ownedSlug}&limit=20&offset=20`),
    );
    expect(page2.items.map((i) => i.featureId)).toEqual(
      referenceOrder(input)
        .slice(20, 40)
        .map((e) => e.featureId),
    );
  });

  it('re-ranks after an input change: a new, important ask from the largest customer raises the feature', async () => {
    const api = await world.as('admin');
    const before = await json<Backlog>(
      await api.request('GET', `/api/v1/backlog?productId=${owned}&limit=500`),
    );
    const ranked = before.items.filter((i) => !i.parked);
    const last = ranked.at(-1)!;
    const biggest = (await listAll(api, '/api/v1/customers')).sort(
      (a, b) => Number(b.annualRevenue) - Number(a.annualRevenue),
    )[0]!;
    const fb = await json<{ id: string }>(
      await api.request('POST', '/api/v1/feedback', {
        text: 'We need this now',
        why: 'Our auditors ask for it',
        customerId: biggest.id,
      }),
      201,
    );
    await json(
      await api.request('POST', '/api/v1/feedback-links', {
        feedbackId: fb.id,
        featureId: last.featureId,
        importance: 3,
      }),
      201,
    );
    const after = await json<Backlog>(
      await api.request('GET', `/api/v1/backlog?productId=${owned}&limit=500`),
    );
    const moved = after.items.find((i) => i.featureId === last.featureId)!;
    expect(moved.score).toBeGreaterThan(last.score);
    expect(moved.rank!).toBeLessThanOrEqual(last.rank!);
    // The reference implementation agrees on the new rows.
    const expected = referenceOrder(await expectedInput(api, owned));
    expect(after.items.map((i) => i.featureId)).toEqual(expected.map((e) => e.featureId));
  });

  it('ranks the whole portfolio and refuses a bad query', async () => {
    const api = await world.as('viewer');
    const all = await json<Backlog>(await api.request('GET', '/api/v1/backlog?limit=5'));
    expect(all.items).toHaveLength(5);
    expect(all.nextOffset).toBe(5);
    const scores = all.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((await api.request('GET', '/api/v1/backlog?limit=0')).status).toBe(400);
    expect((await api.request('GET', '/api/v1/backlog?productId=nope')).status).toBe(404);
  });

  it('parks exactly what the engine parks, with the reasons; a pull-back un-parks, is logged and stays', async () => {
    const api = await world.as('viewer');
    const input = await expectedInput(api, owned);
    const statusOf = new Map(
      (await listAll(api, `/api/v1/features?productId=${owned}`)).map((f) => [f.id, String(f.status)]),
    );
    const expected = referencePriorities(input)
      .filter((r) => r.parked && ['idea', 'planned'].includes(statusOf.get(r.featureId)!))
      .map((r) => r.featureId)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    const owner = await world.as('product');
    const applied = await json<{ parked: { featureId: string; reason: string }[] }>(
      await owner.request('POST', '/api/v1/backlog/parking-lot/apply', { productId: owned }),
    );
    expect(applied.parked.map((p) => p.featureId).sort()).toEqual(expected);
    const parkedNow = await listAll(api, `/api/v1/features?productId=${owned}&status=parking_lot`);
    for (const id of expected) {
      const row = parkedNow.find((f) => f.id === id);
      expect(row?.parkedReason).toMatch(/top 3 segments/);
    }
    const runs = await listAll(api, '/api/v1/decisions?kind=parking_lot');
    expect(runs.some((d) => String(d.title).startsWith(`Moved ${expected.length} feature`))).toBe(true);

    // A product manager who does not own the product may not pull it back; the owner may, with a rationale.
    const target = expected[0]!;
    await addUser(store, world.orgId, {
      email: 'pm2@demo.test',
      role: 'product_manager',
      password: 'second-product-manager',
    });
    const other = clientFor(world.app, await signIn(world.app, 'pm2@demo.test', 'second-product-manager'));
    expect(
      (await other.request('POST', `/api/v1/features/${target}/pull-back`, { rationale: 'mine now' })).status,
    ).toBe(403);
    expect(
      (await owner.request('POST', `/api/v1/features/${target}/pull-back`, { rationale: ' ' })).status,
    ).toBe(400);
    const pulled = await json<{ feature: { status: string; pulledBackRationale: string } }>(
      await owner.request('POST', `/api/v1/features/${target}/pull-back`, {
        rationale: 'Our largest account renews on it',
      }),
    );
    expect(['idea', 'planned']).toContain(pulled.feature.status);
    expect(pulled.feature.pulledBackRationale).toBe('Our largest account renews on it');
    const logged = await listAll(api, `/api/v1/decisions?kind=parking_lot&subjectId=${target}`);
    expect(logged.map((d) => d.rationale)).toEqual(['Our largest account renews on it']);
    // Pulling back what is not parked is a conflict.
    expect(
      (await owner.request('POST', `/api/v1/features/${target}/pull-back`, { rationale: 'again' })).status,
    ).toBe(409);

    const again = await json<{ parked: { featureId: string }[] }>(
      await owner.request('POST', '/api/v1/backlog/parking-lot/apply', { productId: owned }),
    );
    expect(again.parked.map((p) => p.featureId)).not.toContain(target);
    const after = await json<{ status: string }>(await api.request('GET', `/api/v1/features/${target}`));
    expect(after.status).not.toBe('parking_lot');
    // The backlog ranks it again, marked as pulled back.
    const backlog = await json<{ items: (BacklogItem & { pulledBack: { rationale: string } | null })[] }>(
      await api.request('GET', `/api/v1/backlog?productId=${owned}&limit=500`),
    );
    const item = backlog.items.find((i) => i.featureId === target)!;
    expect(item.parked).toBe(false);
    expect(item.pulledBack).toEqual({ rationale: 'Our largest account renews on it' });
    // Portfolio-wide parking is portfolio work: the product manager may not, the portfolio manager may.
    expect((await owner.request('POST', '/api/v1/backlog/parking-lot/apply', {})).status).toBe(403);
  });

  it('a manual re-rank with a rationale shows in the backlog and lands in the decision log', async () => {
    const api = await world.as('viewer');
    const owner = await world.as('product');
    const before = await json<Backlog>(
      await api.request('GET', `/api/v1/backlog?productId=${owned}&limit=10`),
    );
    const fifth = before.items[4]!;
    expect(
      (await owner.request('POST', `/api/v1/features/${fifth.featureId}/rank`, { rank: 1 })).status,
    ).toBe(400);
    await json(
      await owner.request('POST', `/api/v1/features/${fifth.featureId}/rank`, {
        rank: 1,
        rationale: 'Promised to the board',
      }),
    );
    const after = await json<Backlog>(
      await api.request('GET', `/api/v1/backlog?productId=${owned}&limit=10`),
    );
    expect(after.items[0]).toMatchObject({
      featureId: fifth.featureId,
      rank: 1,
      computedRank: 5,
      manualRank: 1,
    });
    // The others keep their order around it.
    expect(after.items.slice(1, 5).map((i) => i.featureId)).toEqual(
      before.items.slice(0, 4).map((i) => i.featureId),
    );
    const logged = await listAll(api, `/api/v1/decisions?kind=rank_override&subjectId=${fifth.featureId}`);
    expect(logged.map((d) => d.rationale)).toEqual(['Promised to the board']);
  });

  it('a segment override with a rationale moves the segment and is in the decision log', async () => {
    const api = await world.as('portfolio');
    const before = await json<{ segments: { segmentId: string; name: string; rank: number }[] }>(
      await api.request('GET', '/api/v1/segments/ranking'),
    );
    const last = before.segments.at(-1)!;
    await json(
      await api.request('PATCH', `/api/v1/segments/${last.segmentId}`, {
        overrideRank: 1,
        overrideRationale: 'Regulation opens this market next year',
      }),
    );
    const after = await json<{
      segments: {
        segmentId: string;
        rank: number;
        overridden: boolean;
        computedRank: number;
        rationale?: string;
      }[];
    }>(await api.request('GET', '/api/v1/segments/ranking'));
    expect(after.segments[0]).toMatchObject({
      segmentId: last.segmentId,
      rank: 1,
      overridden: true,
      computedRank: last.rank,
      rationale: 'Regulation opens this market next year',
    });
    expect(after.segments.slice(1).map((s) => s.segmentId)).toEqual(
      before.segments.slice(0, -1).map((s) => s.segmentId),
    );
    const expected = await expectedSegmentRanking(api);
    expect(after.segments.map((s) => s.segmentId)).toEqual(expected.segments.map((s) => s.segmentId));
    const logged = await listAll(api, `/api/v1/decisions?kind=segment_override&subjectId=${last.segmentId}`);
    expect(logged.map((d) => d.rationale)).toEqual(['Regulation opens this market next year']);
  });

  it('demand by segment adds up to what the feedback rows say, and per feature too', async () => {
    const api = await world.as('viewer');
    const [feedback, links, customers] = await Promise.all([
      listAll(api, '/api/v1/feedback'),
      listAll(api, '/api/v1/feedback-links'),
      listAll(api, '/api/v1/customers'),
    ]);
    const item = new Map(feedback.map((f) => [f.id, f]));
    const segmentOfCustomer = new Map(customers.map((c) => [c.id, (c.segmentId as string | null) ?? null]));
    // Latest link per (feature, customer); every anonymous link counts.
    const latest = new Map<
      string,
      { segment: string; importance: number; at: number; customer: string | null }
    >();
    let anonymous = 0;
    for (const l of links) {
      const f = item.get(String(l.feedbackId))!;
      const customer = (f.customerId as string | null) ?? null;
      const segment =
        (customer ? segmentOfCustomer.get(customer) : null) ?? (f.segmentId as string | null) ?? 'unknown';
      const entry = {
        segment,
        importance: Number(l.importance),
        at: Date.parse(String(l.createdAt)),
        customer,
      };
      if (!customer) {
        latest.set(`anon/${anonymous++}`, entry);
        continue;
      }
      const key = `${l.featureId}/${customer}`;
      const prev = latest.get(key);
      if (!prev || entry.at >= prev.at) latest.set(key, entry);
    }
    const importance = new Map<string, number>();
    const distinct = new Map<string, Set<string>>();
    for (const e of latest.values()) {
      importance.set(e.segment, (importance.get(e.segment) ?? 0) + e.importance);
      if (e.customer) distinct.set(e.segment, (distinct.get(e.segment) ?? new Set()).add(e.customer));
    }
    const got = await json<{
      items: { segmentId: string; importance: number; customers: number; whys: { count: number }[] }[];
    }>(await api.request('GET', '/api/v1/demand?by=segment'));
    expect(Object.fromEntries(got.items.map((s) => [s.segmentId, s.importance]))).toEqual(
      Object.fromEntries(importance),
    );
    expect(Object.fromEntries(got.items.map((s) => [s.segmentId, s.customers]))).toEqual(
      Object.fromEntries([...importance.keys()].map((k) => [k, distinct.get(k)?.size ?? 0])),
    );
    expect(got.items.some((s) => s.whys.length > 0)).toBe(true);

    const featureId = String(links[0]!.featureId);
    const one = await json<{ links: number; whys: { why: string; count: number }[] }>(
      await api.request('GET', `/api/v1/features/${featureId}/demand`),
    );
    expect(one.links).toBe(links.filter((l) => l.featureId === featureId).length);
    expect((await api.request('GET', '/api/v1/demand?by=nothing')).status).toBe(400);
  });

  it('organization formulas are checked on save and score the backlog', async () => {
    const api = await world.as('portfolio');
    const bad = await api.request('PUT', '/api/v1/organization/formulas', {
      formulas: [{ key: 'reachy', name: 'Reachy', expression: 'reach * nonsense' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('nonsense');
    const syntax = await api.request('PUT', '/api/v1/organization/formulas', {
      formulas: [{ key: 'reachy', name: 'Reachy', expression: 'reach *' }],
    });
    expect(syntax.status).toBe(400);
    expect(await syntax.text()).toContain('character');
    await json(
      await api.request('PUT', '/api/v1/organization/formulas', {
        formulas: [
          { key: 'reach_conf', name: 'Reach × confidence', expression: 'reach * confidence + strategic_bet' },
        ],
      }),
    );
    const listed = await json<{ formulas: { key: string }[]; fields: string[] }>(
      await api.request('GET', '/api/v1/organization/formulas'),
    );
    expect(listed.formulas.map((f) => f.key)).toEqual(['reach_conf']);
    const scored = await json<{ items: { featureId: string; score: number }[] }>(
      await api.request('GET', `/api/v1/features/scores?formula=reach_conf&productId=${owned}`),
    );
    const rows = (await listAll(api, `/api/v1/features?productId=${owned}`)).filter(
      (f) => f.status !== 'shipped' && f.status !== 'rejected',
    );
    const byHand = rows.map(
      (f) =>
        Number(f.reach) * Number(f.confidence) +
        Number((f.custom as Record<string, unknown>).strategic_bet ?? 0),
    );
    expect(scored.items).toHaveLength(rows.length);
    expect(scored.items[0]!.score).toBeCloseTo(Math.max(...byHand), 9);
    expect((await api.request('GET', '/api/v1/features/scores?formula=missing')).status).toBe(404);
  });

  it('goal weights: an inconsistent pairwise matrix is refused naming the pair; a consistent one is stored (sum 1)', async () => {
    const api = await world.as('portfolio');
    const goals = (await listAll(api, '/api/v1/goals')).sort((a, b) => (a.id < b.id ? -1 : 1));
    const n = goals.length;
    expect(n).toBeGreaterThanOrEqual(3);
    const w = goals.map((_, k) => n - k);
    const consistent = w.map((wi) => w.map((wj) => wi / wj));
    const inconsistent = consistent.map((row) => [...row]);
    inconsistent[0]![n - 1] = 1 / 9;
    inconsistent[n - 1]![0] = 9;
    const goalIds = goals.map((g) => g.id);
    const refused = await json<{
      error: {
        code: string;
        message: string;
        details: { pair: { itemI: string; itemJ: string }; consistencyRatio: number };
      };
    }>(
      await api.request('PUT', '/api/v1/goals/weights', {
        method: 'pairwise',
        goalIds,
        matrix: inconsistent,
      }),
      422,
    );
    expect(refused.error.code).toBe('unprocessable');
    expect(refused.error.details.consistencyRatio).toBeGreaterThan(0.1);
    expect(refused.error.details.pair).toMatchObject({ itemI: goals[0]!.name, itemJ: goals[n - 1]!.name });
    expect(refused.error.message).toContain(String(goals[0]!.name));
    // Nothing changed.
    const unchanged = Object.fromEntries((await listAll(api, '/api/v1/goals')).map((g) => [g.id, g.weight]));
    expect(unchanged).toEqual(Object.fromEntries(goals.map((g) => [g.id, g.weight])));

    const ok = await json<{ consistencyRatio: number }>(
      await api.request('PUT', '/api/v1/goals/weights', { method: 'pairwise', goalIds, matrix: consistent }),
    );
    expect(ok.consistencyRatio).toBeLessThan(1e-9);
    const stored = await listAll(api, '/api/v1/goals');
    const total = w.reduce((t, x) => t + x, 0);
    expect(stored.reduce((t, g) => t + Number(g.weight), 0)).toBeCloseTo(1, 9);
    for (const [k, g] of goals.entries()) {
      expect(Number(stored.find((s) => s.id === g.id)!.weight)).toBeCloseTo(w[k]! / total, 6);
    }
    // The accepted matrix is readable back for the settings page, with the weights it produced.
    type View = {
      goals: { goalId: string; weight: number }[];
      pairwise: { goalIds: string[]; matrix: number[][]; consistencyRatio: number } | null;
    };
    const view = await json<View>(await (await world.as('viewer')).request('GET', '/api/v1/goals/weights'));
    expect(view.pairwise?.goalIds).toEqual(goalIds);
    expect(view.pairwise?.matrix).toEqual(consistent);
    expect(view.pairwise?.consistencyRatio).toBeLessThan(1e-9);
    for (const [k, g] of goals.entries())
      expect(view.goals.find((x) => x.goalId === g.id)!.weight).toBeCloseTo(w[k]! / total, 6);
    // Direct weights are normalized too; every goal must be named; the viewer may not.
    await json(
      await api.request('PUT', '/api/v1/goals/weights', {
        method: 'direct',
        weights: Object.fromEntries(goalIds.map((id) => [id, 2])),
      }),
    );
    expect(Number((await listAll(api, '/api/v1/goals'))[0]!.weight)).toBeCloseTo(1 / n, 9);
    // Set directly, the weights no longer come from a matrix.
    expect((await json<View>(await api.request('GET', '/api/v1/goals/weights'))).pairwise).toBeNull();
    expect(
      (await api.request('PUT', '/api/v1/goals/weights', { method: 'direct', weights: { [goalIds[0]!]: 1 } }))
        .status,
    ).toBe(400);
    const viewer = await world.as('viewer');
    expect(
      (await viewer.request('PUT', '/api/v1/goals/weights', { method: 'direct', weights: {} })).status,
    ).toBe(403);
  });
});
