import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { addUser } from '../../src/services/auth/users.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import type { SavedScenarioComparison } from '../../src/services/scenarios/compareSavedScenarios.ts';
import type { PortfolioRun } from '../../src/services/scenarios/portfolioRun.ts';
import type { ScenarioView } from '../../src/services/scenarios/scenarioView.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, clientFor, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

const PASSWORD = 'scenario-detail-test-password';
/** Written out here rather than imported: the test states the contract it checks. */
const LIMITS = {
  selection: 50,
  'baseline.selected': 50,
  'result.selected': 50,
  explanations: 25,
  warnings: 20,
} as const;
const N = 120;

type Saved = { id: string; version: number; report: PortfolioRun };

/**
 * GET /scenarios/:id answers a summary unless asked for ?detail=full (issue 10: a stored report names
 * and explains every candidate, megabytes at scale). A world of 120 one-quarter initiatives where the
 * budget funds about half, so every long list of the report is longer than the summary keeps. The full
 * answer is checked against the report POST /scenarios returned when saving; the summary against the
 * full answer: each list its first entries, the names exactly those of the ids it still mentions.
 */
describe.each(BACKENDS)('a saved scenario, summary and full, on %s', (backend) => {
  let store: Store;
  let pm: Client;
  let viewer: Client;
  let saved: Saved;
  let full: ScenarioView;
  let summary: ScenarioView;

  const get = async (query: string) => {
    const res = await viewer.request('GET', `/api/v1/scenarios/${saved.id}${query}`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${saved.version}"`);
    return JSON.parse(text) as ScenarioView;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    const org = await createOrganization(store, {
      slug: 'detail',
      name: 'Scenario detail test',
      settings: { planningStart: '2027Q1', planningPeriods: 4, discountRate: 0 },
    });
    const app = createApp({ store });
    for (const role of ['portfolio_manager', 'viewer'] as const)
      await addUser(store, org.id, { email: `${role}@detail.test`, role, password: PASSWORD });
    pm = clientFor(app, await signIn(app, 'portfolio_manager@detail.test', PASSWORD));
    viewer = clientFor(app, await signIn(app, 'viewer@detail.test', PASSWORD));
    const created = async (path: string, body: unknown) => {
      const res = await pm.request('POST', path, body);
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const goal = await created('/api/v1/goals', { name: 'Growth', weight: 1 });
    for (let i = 0; i < N; i++)
      await created('/api/v1/initiatives', {
        name: `Initiative ${String(i).padStart(3, '0')}`,
        kind: 'platform',
        stage: 'proposed',
        startPeriod: '2027Q1',
        costPerPeriod: [10 + (i % 7)],
        alignment: { [goal]: 0.2 + ((i * 37) % 80) / 100 },
      });
    const res = await pm.request('POST', '/api/v1/scenarios', {
      name: 'Half of them',
      budgetPerPeriod: 13 * (N / 2),
      timePhased: false,
      timeLimitSeconds: 5,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    saved = (await res.json()) as Saved;
    full = await get('?detail=full');
    summary = await get('');
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('the full answer is the stored report, exclusions most valuable first, plan and ranking cross-marked', () => {
    const stored = saved.report;
    expect(stored.selection.length).toBeGreaterThan(LIMITS.selection);
    expect(stored.baseline.selected.length).toBeGreaterThan(LIMITS['baseline.selected']);
    expect(stored.explanations.length).toBeGreaterThan(LIMITS.explanations);
    const r = full.report;
    expect(r.detail).toBe('full');
    expect(r.truncated).toEqual({});
    const inRanking = new Set(stored.baseline.selected.map((s) => s.id));
    const inPlan = new Set(stored.selection.map((s) => s.id));
    expect(r.selection).toEqual(stored.selection.map((s) => ({ ...s, inScoreRanking: inRanking.has(s.id) })));
    expect(r.selection.some((s) => !s.inScoreRanking)).toBe(true);
    expect(r.baseline.selected).toEqual(
      stored.baseline.selected.map((s) => ({ ...s, inOptimizer: inPlan.has(s.id) })),
    );
    const byItem = (xs: { item: string }[]) => [...xs].sort((a, b) => (a.item < b.item ? -1 : 1));
    expect(byItem(r.explanations)).toEqual(byItem(stored.explanations));
    for (let k = 1; k < r.explanations.length; k++)
      expect(r.explanations[k - 1]!.value).toBeGreaterThanOrEqual(r.explanations[k]!.value);
    const { selection: _s, baseline: _b, explanations: _e, detail: _d, truncated: _t, ...rest } = r;
    const { selection: _s2, baseline: _b2, explanations: _e2, ...storedRest } = stored;
    expect(rest).toEqual(storedRest);
    expect(Object.keys(r.names)).toHaveLength(N + 1); // every initiative and the goal
  });

  it('the summary is the full answer with each long list cut to its first entries', async () => {
    const s = summary.report;
    const f = full.report;
    expect(s.detail).toBe('summary');
    const lists = {
      selection: [s.selection, f.selection],
      'baseline.selected': [s.baseline.selected, f.baseline.selected],
      'result.selected': [s.result.selected, f.result.selected],
      explanations: [s.explanations, f.explanations],
      warnings: [s.warnings, f.warnings],
    } as const;
    for (const [name, [cut, whole]] of Object.entries(lists)) {
      const limit = LIMITS[name as keyof typeof LIMITS];
      expect(cut, name).toEqual(whole.slice(0, limit));
      expect(s.truncated[name as keyof typeof LIMITS], name).toEqual(
        whole.length > limit ? { shown: limit, total: whole.length } : undefined,
      );
    }
    // Names: exactly the ids the summary still mentions, with the full report's names.
    const mentioned = new Set([
      ...s.selection.map((x) => x.id),
      ...s.baseline.selected.map((x) => x.id),
      ...s.result.selected.map((x) => (typeof x === 'string' ? x : x.id)),
      ...s.explanations.flatMap((e) => [
        e.item,
        ...e.blockers.flatMap((b) => ('required' in b ? [b.required] : 'other' in b ? [b.other] : [])),
        ...e.remedies.flatMap((m) => ('item' in m ? [m.item] : 'items' in m ? m.items : [])),
      ]),
      ...Object.keys(f.settings.goalWeights ?? {}),
    ]);
    expect(Object.keys(s.names).sort()).toEqual([...mentioned].filter((id) => f.names[id]).sort());
    for (const [id, name] of Object.entries(s.names)) expect(name).toBe(f.names[id]);
    expect(s.truncated.names).toEqual({ shown: Object.keys(s.names).length, total: N + 1 });
    // Everything else is the full answer's.
    const strip = (v: ScenarioView) => {
      const { selection, baseline, result, explanations, warnings, names, detail, truncated, ...rest } =
        v.report;
      const { selected: _a, ...baselineRest } = baseline;
      const { selected: _b, ...resultRest } = result;
      const { initiativeVersions: _v, ...scenario } = v;
      return { scenario: { ...scenario, report: undefined }, rest, baselineRest, resultRest };
    };
    expect(strip(summary)).toEqual(strip(full));
    // The candidates' versions (what a commit checks, one per initiative) are detail too.
    expect(Object.keys(full.initiativeVersions as Record<string, number>)).toHaveLength(N);
    expect(summary).not.toHaveProperty('initiativeVersions');
    expect(await get('?detail=summary')).toEqual(summary);
  });

  it('refuses a detail level it does not know, and compares with only the names it mentions', async () => {
    const res = await viewer.request('GET', `/api/v1/scenarios/${saved.id}?detail=everything`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');

    const cmpRes = await viewer.request('GET', `/api/v1/scenarios/compare?a=${saved.id}&b=${saved.id}`);
    expect(cmpRes.status).toBe(200);
    const cmp = (await cmpRes.json()) as SavedScenarioComparison;
    const planned = full.report.selection.map((x) => x.id).sort();
    expect([...cmp.comparison.inBoth].sort()).toEqual(planned);
    expect(Object.keys(cmp.names).sort()).toEqual(planned);
  });
});
