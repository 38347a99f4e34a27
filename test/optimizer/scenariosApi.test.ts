import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { addUser } from '../../src/services/auth/users.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import type { CommittedScenario } from '../../src/services/scenarios/commitScenario.ts';
import type { SavedScenarioComparison } from '../../src/services/scenarios/compareSavedScenarios.ts';
import type { PortfolioRun } from '../../src/services/scenarios/portfolioRun.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, clientFor, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

const PASSWORD = 'optimizer-scenarios-test-password';

type Scenario = { id: string; name: string; status: string; version: number; report: PortfolioRun };

/**
 * Scenarios over the API on a hand-made world of four initiatives and two people, where every answer
 * is worked out by hand. One goal (weight 1), one role with two people (1 FTE each), plan 2027Q1–Q4,
 * every initiative proposed from 2027Q1 for two quarters:
 *
 *   A: cost 100/quarter, alignment 0.9,  1 FTE/quarter     C: cost 150/quarter, alignment 0.95, 1 FTE/quarter
 *   B: cost 100/quarter, alignment 0.5,  1 FTE/quarter     D: cost  60/quarter, alignment 0.4,  no people
 *
 * Budget 200/quarter: the optimum is A + B (1.4); score ranking funds C first and nothing else fits
 * (0.95). Budget 300: A + C (1.85).
 */
describe.each(BACKENDS)('scenarios over the API on %s', (backend) => {
  let store: Store;
  let pm: Client;
  let viewer: Client;
  let productManager: Client;
  const ids: Record<string, string> = {};
  const fixed = { timePhased: false, timeLimitSeconds: 2 };

  async function create(path: string, body: unknown): Promise<string> {
    const res = await pm.request('POST', path, body);
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(201);
    return (JSON.parse(text) as { id: string }).id;
  }

  async function save(name: string, constraints: Record<string, unknown>): Promise<Scenario> {
    const res = await pm.request('POST', '/api/v1/scenarios', { name, ...fixed, ...constraints });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    return JSON.parse(text) as Scenario;
  }

  const ofIds = (names: string[]) => names.map((n) => ids[n]!).sort();
  const selectedIds = (s: Scenario) =>
    s.report.result.selected.map((x) => (typeof x === 'string' ? x : x.id)).sort();

  beforeAll(async () => {
    store = await openTestStore(backend);
    const org = await createOrganization(store, {
      slug: 'opt',
      name: 'Optimizer test',
      settings: { planningStart: '2027Q1', planningPeriods: 4, discountRate: 0 },
    });
    const app = createApp({ store });
    const client = async (role: 'portfolio_manager' | 'viewer' | 'product_manager') => {
      const email = `${role}@opt.test`;
      await addUser(store, org.id, { email, role, password: PASSWORD });
      return clientFor(app, await signIn(app, email, PASSWORD));
    };
    pm = await client('portfolio_manager');
    viewer = await client('viewer');
    productManager = await client('product_manager');
    ids.goal = await create('/api/v1/goals', { name: 'Growth', weight: 1 });
    ids.role = await create('/api/v1/roles', { name: 'Engineer' });
    ids.ann = await create('/api/v1/people', { name: 'Ann', roleId: ids.role, fte: 1 });
    ids.bob = await create('/api/v1/people', { name: 'Bob', roleId: ids.role, fte: 1 });
    const initiative = (name: string, cost: number, alignment: number, fte: number) =>
      create('/api/v1/initiatives', {
        name,
        kind: 'platform',
        stage: 'proposed',
        startPeriod: '2027Q1',
        costPerPeriod: [cost, cost],
        alignment: { [ids.goal!]: alignment },
        demand: fte > 0 ? [{ roleId: ids.role, perPeriod: [fte, fte] }] : [],
      });
    ids.A = await initiative('A', 100, 0.9, 1);
    ids.B = await initiative('B', 100, 0.5, 1);
    ids.C = await initiative('C', 150, 0.95, 1);
    ids.D = await initiative('D', 60, 0.4, 0);
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  let tight: Scenario;
  let roomy: Scenario;

  it('saves two scenarios with their constraints and results, and lists them', async () => {
    tight = await save('Tight', { budgetPerPeriod: 200 });
    roomy = await save('Roomy', { budgetPerPeriod: [300, 300, 300, 300] });
    expect(tight.report.result.status).toBe('optimal');
    expect(selectedIds(tight)).toEqual(ofIds(['A', 'B']));
    expect(tight.report.result.objective).toBeCloseTo(1.4, 9);
    expect(tight.report.baseline.value).toBeCloseTo(0.95, 9);
    expect(tight.report.baseline.selected.map((s) => s.name)).toEqual(['C']);
    expect(tight.report.improvement).toBeCloseTo(0.45, 9);
    expect(tight.report.totals.costPerPeriod.map((c) => [c.cost, c.budget])).toEqual([
      [200, 200],
      [200, 200],
      [0, 200],
      [0, 200],
    ]);
    expect(tight.report.totals.utilizationPerRole[0]!.periods[0]).toMatchObject({
      demand: 2,
      capacity: 2,
      utilization: 1,
    });
    expect(selectedIds(roomy)).toEqual(ofIds(['A', 'C']));
    expect(roomy.report.result.objective).toBeCloseTo(1.85, 9);
    expect(tight.report.explanations.map((e) => e.name).sort()).toEqual(['C', 'D']);

    const res = await viewer.request('GET', '/api/v1/scenarios');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { id: string; name: string; value: number }[] };
    expect(list.items.map((s) => s.name)).toEqual(['Roomy', 'Tight']);
    const got = await viewer.request('GET', `/api/v1/scenarios/${tight.id}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as Scenario).report.result.objective).toBeCloseTo(1.4, 9);
  });

  it('compares them side by side', async () => {
    const res = await viewer.request('GET', `/api/v1/scenarios/compare?a=${tight.id}&b=${roomy.id}`);
    expect(res.status).toBe(200);
    const cmp = (await res.json()) as SavedScenarioComparison;
    expect(cmp.comparison.inBoth).toEqual([ids.A]);
    expect(cmp.comparison.onlyInA).toEqual([ids.B]);
    expect(cmp.comparison.onlyInB).toEqual([ids.C]);
    expect(cmp.comparison.objectiveDelta).toBeCloseTo(0.45, 9);
    expect(cmp.a.totals.count).toBe(2);
    expect(cmp.b.totals.costPerPeriod[0]).toMatchObject({ cost: 250, budget: 300 });
    expect(cmp.names[ids.C!]).toBe('C');
    expect((await viewer.request('GET', `/api/v1/scenarios/compare?a=${tight.id}`)).status).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await viewer.request('GET', `/api/v1/scenarios/compare?a=${tight.id}&b=${missing}`)).status).toBe(
      404,
    );
  });

  it('refuses a commit without a rationale (400), and viewers and product managers (403)', async () => {
    expect((await pm.request('POST', `/api/v1/scenarios/${tight.id}/commit`, {})).status).toBe(400);
    expect(
      (await pm.request('POST', `/api/v1/scenarios/${tight.id}/commit`, { rationale: ' ' })).status,
    ).toBe(400);
    for (const who of [viewer, productManager]) {
      const commit = await who.request('POST', `/api/v1/scenarios/${tight.id}/commit`, { rationale: 'x' });
      expect(commit.status).toBe(403);
      expect((await who.request('POST', '/api/v1/scenarios', { name: 'No' })).status).toBe(403);
      expect((await who.request('DELETE', `/api/v1/scenarios/${tight.id}`)).status).toBe(403);
    }
  });

  it('commits one: approves its initiatives, staffs them, logs the decision, audits every write', async () => {
    const rationale = 'Fund A and B: best strategic value inside 200 a quarter.';
    // A stale If-Match is refused before anything is written; the version read commits.
    const version = Number(
      ((await (await pm.request('GET', `/api/v1/scenarios/${tight.id}`)).json()) as { version: number })
        .version,
    );
    const stale = await pm.request(
      'POST',
      `/api/v1/scenarios/${tight.id}/commit`,
      { rationale },
      {
        'if-match': `"${version + 1}"`,
      },
    );
    expect(stale.status).toBe(412);
    const res = await pm.request(
      'POST',
      `/api/v1/scenarios/${tight.id}/commit`,
      { rationale },
      {
        'if-match': `"${version}"`,
      },
    );
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const out = JSON.parse(text) as CommittedScenario;
    expect([...out.approved].sort()).toEqual(ofIds(['A', 'B']));
    expect(out.unstaffed).toEqual([]);

    const initiatives = (await (await pm.request('GET', '/api/v1/initiatives?limit=50')).json()) as {
      items: { id: string; stage: string }[];
    };
    const stage = Object.fromEntries(initiatives.items.map((i) => [i.id, i.stage]));
    expect([stage[ids.A!], stage[ids.B!], stage[ids.C!], stage[ids.D!]]).toEqual([
      'approved',
      'approved',
      'proposed',
      'proposed',
    ]);

    // Allocations: each approved initiative's 1 FTE per quarter, on Ann or Bob, never over 1 FTE a person.
    const allocations = (await (await pm.request('GET', '/api/v1/allocations?limit=50')).json()) as {
      items: { personId: string; initiativeId: string; period: string; fte: number }[];
    };
    expect(allocations.items).toHaveLength(4);
    for (const id of [ids.A!, ids.B!])
      for (const q of ['2027Q1', '2027Q2']) {
        const fte = allocations.items
          .filter((a) => a.initiativeId === id && a.period === q)
          .reduce((s, a) => s + a.fte, 0);
        expect(fte).toBeCloseTo(1, 9);
      }
    for (const person of [ids.ann!, ids.bob!])
      for (const q of ['2027Q1', '2027Q2'])
        expect(
          allocations.items
            .filter((a) => a.personId === person && a.period === q)
            .reduce((s, a) => s + a.fte, 0),
        ).toBeLessThanOrEqual(1 + 1e-9);

    const decisions = (await (
      await viewer.request('GET', '/api/v1/decisions?kind=scenario_commit')
    ).json()) as {
      items: {
        rationale: string;
        subjectType: string;
        subjectId: string;
        links: { type: string; id: string }[];
      }[];
    };
    expect(decisions.items).toHaveLength(1);
    expect(decisions.items[0]).toMatchObject({ rationale, subjectType: 'scenario', subjectId: tight.id });
    expect(decisions.items[0]!.links.map((l) => l.id).sort()).toEqual(ofIds(['A', 'B']));

    const audit = async (query: string) =>
      ((await (await pm.request('GET', `/api/v1/audit?${query}`)).json()) as { items: { action: string }[] })
        .items;
    expect((await audit(`entity=scenarios&entityId=${tight.id}`)).map((e) => e.action).sort()).toEqual([
      'commit',
      'create',
    ]);
    expect((await audit(`entity=initiatives&entityId=${ids.A}`)).map((e) => e.action)).toContain('update');
    expect(await audit('entity=allocations')).toHaveLength(4);
    expect(await audit('entity=decisions')).toHaveLength(1);

    const again = await pm.request('GET', `/api/v1/scenarios/${tight.id}`);
    expect(((await again.json()) as Scenario & { committedBy: string }).status).toBe('committed');
    // Committed once; and kept, being part of the decision record.
    expect((await pm.request('POST', `/api/v1/scenarios/${tight.id}/commit`, { rationale })).status).toBe(
      409,
    );
    expect((await pm.request('DELETE', `/api/v1/scenarios/${tight.id}`)).status).toBe(409);
  });

  it('refuses to commit a scenario whose initiatives changed since its run (409: re-run)', async () => {
    // The roomy scenario was run before the commit above changed A and B.
    const res = await pm.request('POST', `/api/v1/scenarios/${roomy.id}/commit`, { rationale: 'More' });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { message: string; details: { changed: string[] } } };
    expect(body.error.message).toMatch(/re-run/);
    expect(body.error.details.changed.sort()).toEqual(ofIds(['A', 'B']));
    // An edit of a candidate after a run makes that run stale too.
    const fresh = await save('Fresh', { budgetPerPeriod: 300 });
    const patch = await pm.request('PATCH', `/api/v1/initiatives/${ids.D}`, { description: 'rescoped' });
    expect(patch.status).toBe(200);
    expect(
      (await pm.request('POST', `/api/v1/scenarios/${fresh.id}/commit`, { rationale: 'x' })).status,
    ).toBe(409);
  });

  it('saves an infeasible scenario with its conflict, and will not commit it', async () => {
    const s = await save('Impossible', { include: [ids.C], budgetPerPeriod: 100 });
    expect(s.report.result.status).toBe('infeasible');
    expect(s.report.conflicts!.lines.join('\n')).toContain('C is mandatory');
    expect((await pm.request('POST', `/api/v1/scenarios/${s.id}/commit`, { rationale: 'x' })).status).toBe(
      409,
    );
  });

  it('deletes a saved scenario (stale If-Match → 412), then it is gone', async () => {
    expect(
      (await pm.request('DELETE', `/api/v1/scenarios/${roomy.id}`, undefined, { 'if-match': '"99"' })).status,
    ).toBe(412);
    expect((await pm.request('DELETE', `/api/v1/scenarios/${roomy.id}`)).status).toBe(204);
    expect((await pm.request('GET', `/api/v1/scenarios/${roomy.id}`)).status).toBe(404);
    expect((await pm.request('GET', '/api/v1/scenarios/not-a-uuid')).status).toBe(404);
  });
});
