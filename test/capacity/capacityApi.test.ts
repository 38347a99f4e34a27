import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodAt, periodIndex } from '../../src/domain/periods.ts';
import type { NamedCapacityView } from '../../src/services/capacity/capacityReport.ts';
import type { CapacityWhatIf } from '../../src/services/capacity/capacityWhatIf.ts';
import type { SavedWhatIf } from '../../src/services/capacity/capacityWhatIfSave.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/**
 * The capacity view, what-if and save over the API, on a small world of our own inside the demo
 * organization: two roles nobody else has, one team, three people, one approved initiative, one
 * allocation and one planned feature — every expected figure below is worked out by hand from them.
 */
describe.each(BACKENDS)('capacity view and what-if over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let P: string[]; // the four quarters the tests look at, from the planning start
  const ids: Record<string, string> = {};

  async function create(path: string, body: unknown): Promise<string> {
    const res = await api.request('POST', path, body);
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(201);
    return (JSON.parse(text) as { id: string }).id;
  }

  /** Row count and digest of every table: the database, byte for byte. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await queryRows<{ table_name: string }>(
      store.db,
      sql`SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, string> = {};
    for (const { table_name: t } of tables) {
      const [row] = await queryRows<{ n: number; h: string | null }>(
        store.db,
        sql`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${sql.identifier(t)} x`,
      );
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  const cell = (v: NamedCapacityView, key: string, period: string) =>
    v.cells.find((c) => c.key === key && c.periodLabel === period)!;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    api = await world.as('portfolio');
    const probe = (await (
      await api.request('GET', '/api/v1/capacity?level=role&periods=4')
    ).json()) as NamedCapacityView;
    P = probe.periods;
    ids.backend = await create('/api/v1/roles', { name: 'Capacity test backend' });
    ids.design = await create('/api/v1/roles', { name: 'Capacity test design' });
    ids.team = await create('/api/v1/teams', { name: 'Capacity test team' });
    ids.ada = await create('/api/v1/people', {
      name: 'Ada Captest',
      teamId: ids.team,
      roleId: ids.backend,
      fte: 1,
      timeOff: { [P[1]!]: 0.25 },
    });
    ids.bo = await create('/api/v1/people', {
      name: 'Bo Captest',
      teamId: ids.team,
      roleId: ids.backend,
      fte: 0.5,
    });
    ids.cy = await create('/api/v1/people', {
      name: 'Cy Captest',
      teamId: ids.team,
      roleId: ids.design,
      fte: 1,
      timeOff: { [P[0]!]: 1 },
    });
    ids.initiative = await create('/api/v1/initiatives', {
      name: 'Capacity test initiative',
      kind: 'platform',
      stage: 'approved',
      startPeriod: P[0],
      costPerPeriod: [100, 100],
      demand: [{ roleId: ids.backend, perPeriod: [2, 1] }],
    });
    ids.proposed = await create('/api/v1/initiatives', {
      name: 'Capacity test proposal',
      kind: 'platform',
      stage: 'proposed',
      startPeriod: P[0],
      demand: [{ roleId: ids.backend, perPeriod: [5] }],
    });
    const products = (await (await api.request('GET', '/api/v1/products?limit=1&sort=name')).json()) as {
      items: { id: string; name: string }[];
    };
    ids.product = products.items[0]!.id;
    ids.productName = products.items[0]!.name;
    ids.allocation = await create('/api/v1/allocations', {
      personId: ids.bo,
      productId: ids.product,
      period: P[1],
      fte: 0.5,
    });
    ids.feature = await create('/api/v1/features', {
      productId: ids.product,
      title: 'Capacity test feature',
      status: 'planned',
      effort: 6.5,
      effortByRole: { [ids.design]: 6.5 },
    });
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('capacity per role and quarter is Σ fte − time off of its people', async () => {
    const res = await api.request('GET', `/api/v1/capacity?level=role&from=${P[0]}&periods=4`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as NamedCapacityView;
    expect(view.periods).toEqual(P);
    expect(view.cells.every((c) => c.level === 'role')).toBe(true);
    // Backend: Ada 1 (0.75 in P1, 0.25 off) + Bo 0.5. Design: Cy 1, but all of it off in P0.
    const backend = [1.5, 1.25, 1.5, 1.5];
    const design = [0, 1, 1, 1];
    P.forEach((q, t) => {
      expect(cell(view, ids.backend!, q).capacity).toBeCloseTo(backend[t]!, 9);
      expect(cell(view, ids.design!, q).capacity).toBeCloseTo(design[t]!, 9);
    });
    expect(cell(view, ids.backend!, P[0]!).name).toBe('Capacity test backend');
    // The same from the people rows read back.
    for (const [t, q] of P.entries()) {
      let sum = 0;
      for (const id of [ids.ada, ids.bo]) {
        const p = (await (await api.request('GET', `/api/v1/people/${id}`)).json()) as {
          fte: number;
          timeOff: Record<string, number>;
        };
        sum += Math.max(0, p.fte - (p.timeOff[q] ?? 0));
      }
      expect(cell(view, ids.backend!, q).capacity).toBeCloseTo(sum, 9);
      expect(t).toBeLessThan(4);
    }
    // Team and person levels hold the same people.
    const team = (await (
      await api.request('GET', `/api/v1/capacity?level=team&periods=4`)
    ).json()) as NamedCapacityView;
    expect(cell(team, ids.team!, P[1]!).capacity).toBeCloseTo(0.75 + 0.5 + 1, 9);
    const person = (await (
      await api.request('GET', `/api/v1/capacity?level=person&periods=4`)
    ).json()) as NamedCapacityView;
    expect(cell(person, ids.ada!, P[1]!).capacity).toBeCloseTo(0.75, 9);
  });

  it('demand, utilization and over-allocation alerts name the initiative, allocation and feature behind them', async () => {
    const view = (await (
      await api.request('GET', `/api/v1/capacity?level=role&periods=4`)
    ).json()) as NamedCapacityView;
    // Backend P0: the approved initiative's 2 FTE against 1.5 (the proposal does not count).
    const c0 = cell(view, ids.backend!, P[0]!);
    expect(c0.demand).toBeCloseTo(2, 9);
    expect(c0.utilization).toBeCloseTo((100 * 2) / 1.5, 9);
    const a0 = view.alerts.find((a) => a.key === ids.backend && a.periodLabel === P[0])!;
    expect(a0.over).toBeCloseTo(0.5, 9);
    expect(a0.causes).toEqual([
      {
        sourceKind: 'initiative',
        sourceId: ids.initiative,
        sourceName: 'Capacity test initiative',
        amount: 2,
      },
    ]);
    // Backend P1: initiative 1 + Bo's allocation 0.5 against 1.25.
    const a1 = view.alerts.find((a) => a.key === ids.backend && a.periodLabel === P[1])!;
    expect(a1.over).toBeCloseTo(0.25, 9);
    expect(a1.causes.map((c) => [c.sourceKind, c.sourceName, c.amount])).toEqual([
      ['initiative', 'Capacity test initiative', 1],
      ['allocation', `Bo Captest → ${ids.productName}`, 0.5],
    ]);
    // Design P0: the planned feature without a release: 6.5 person-weeks = 0.5 FTE-quarter in the
    // planning start quarter, against nobody (Cy is off): an alert without utilization.
    const d0 = view.alerts.find((a) => a.key === ids.design && a.periodLabel === P[0])!;
    expect(d0.capacity).toBe(0);
    expect(d0.utilization).toBeNull();
    expect(d0.causes).toEqual([
      { sourceKind: 'feature', sourceId: ids.feature, sourceName: 'Capacity test feature', amount: 0.5 },
    ]);
    // Design P1–P3: Cy has nothing to do: under-used with 1 FTE spare.
    const spare = view.underUsed.filter((u) => u.key === ids.design).map((u) => [u.periodLabel, u.spare]);
    expect(spare).toEqual(
      expect.arrayContaining([
        [P[1], 1],
        [P[2], 1],
        [P[3], 1],
      ]),
    );
    expect(view.alerts.some((a) => a.key === ids.backend && a.periodLabel === P[2])).toBe(false);
  });

  const changes = () => [
    { addPerson: { teamId: ids.team, roleId: ids.backend, fte: 1, name: 'Di Captest' } },
    { delayInitiative: { id: ids.initiative, periods: 1 } },
    { removePerson: { personId: ids.cy } },
  ];

  it('what-if shows the effect and changes nothing stored', async () => {
    const viewer = await world.as('viewer'); // signed in first: signing in writes a session
    const before = await fingerprint();
    const res = await viewer.request('POST', '/api/v1/capacity/what-if', {
      changes: changes(),
      level: 'role',
      periods: 4,
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const w = JSON.parse(text) as CapacityWhatIf;
    // After: backend capacity + 1 (Di); the initiative's 2, 1 moves to P1, P2.
    const after = [2.5, 2.25, 2.5, 2.5];
    const demand = [0, 2 + 0.5, 1, 0];
    P.forEach((q, t) => {
      expect(cell(w.after, ids.backend!, q).capacity).toBeCloseTo(after[t]!, 9);
      expect(cell(w.after, ids.backend!, q).demand).toBeCloseTo(demand[t]!, 9);
      // Cy leaves: design has no one; the feature's demand stays on the role.
      expect(cell(w.after, ids.design!, q).capacity).toBe(0);
    });
    expect(cell(w.before, ids.backend!, P[0]!).capacity).toBeCloseTo(1.5, 9);
    const ref = (level: string, key: string, period: string) =>
      expect.objectContaining({ level, key, periodLabel: period });
    expect(w.resolvedAlerts).toContainEqual(ref('role', ids.backend!, P[0]!));
    // Backend P1 stays over (2.5 against 2.25) and nothing of ours tips over: no new alert.
    expect(w.after.alerts.find((a) => a.key === ids.backend && a.periodLabel === P[1])?.over).toBeCloseTo(
      0.25,
      9,
    );
    expect(w.newAlerts).toEqual([]);
    expect(w.deltas).toContainEqual(
      expect.objectContaining({
        level: 'role',
        key: ids.backend,
        periodLabel: P[2],
        demandBefore: 0,
        demandAfter: 1,
      }),
    );
    expect(w.after.cells.some((c) => c.name === 'Di Captest')).toBe(false); // level role only
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses ids outside the organization and initiatives that are no demand, still writing nothing', async () => {
    const viewer = await world.as('viewer');
    const before = await fingerprint();
    const missing = '00000000-0000-4000-8000-000000000001';
    for (const ch of [
      { removePerson: { personId: missing } },
      { addPerson: { teamId: missing, roleId: ids.backend, fte: 1 } },
      { dropInitiative: { id: missing } },
    ]) {
      const res = await api.request('POST', '/api/v1/capacity/what-if', { changes: [ch] });
      expect(res.status, JSON.stringify(ch)).toBe(404);
    }
    const proposal = await api.request('POST', '/api/v1/capacity/what-if', {
      changes: [{ dropInitiative: { id: ids.proposed } }],
    });
    expect(proposal.status).toBe(400);
    expect((await api.request('POST', '/api/v1/capacity/what-if', { changes: [] })).status).toBe(400);
    expect(
      (await viewer.request('POST', '/api/v1/capacity/what-if/save', { changes: changes() })).status,
    ).toBe(403);
    expect(await fingerprint()).toEqual(before);
  });

  it('save applies the same changes in one transaction, audited, with a decision', async () => {
    const preview = (await (
      await api.request('POST', '/api/v1/capacity/what-if', { changes: changes(), level: 'role', periods: 4 })
    ).json()) as CapacityWhatIf;
    // A failing change rolls back the whole save.
    const bad = await api.request('POST', '/api/v1/capacity/what-if/save', {
      changes: [...changes(), { removePerson: { personId: '00000000-0000-4000-8000-000000000001' } }],
    });
    expect(bad.status).toBe(404);
    expect((await api.request('GET', `/api/v1/people/${ids.cy}`)).status).toBe(200);

    const res = await api.request('POST', '/api/v1/capacity/what-if/save', {
      changes: changes(),
      rationale: 'Hire Di, push the platform work a quarter, Cy moves on',
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const saved = JSON.parse(text) as SavedWhatIf;
    expect(saved.createdPeople).toHaveLength(1);
    const di = (await (await api.request('GET', `/api/v1/people/${saved.createdPeople[0]}`)).json()) as {
      name: string;
      fte: number;
      roleId: string;
    };
    expect(di).toMatchObject({ name: 'Di Captest', fte: 1, roleId: ids.backend });
    expect((await api.request('GET', `/api/v1/people/${ids.cy}`)).status).toBe(404);
    const initiative = (await (await api.request('GET', `/api/v1/initiatives/${ids.initiative}`)).json()) as {
      startPeriod: string;
    };
    expect(initiative.startPeriod).toBe(periodAt(periodIndex(P[0]!) + 1));
    // The stored view now equals the preview's "after" for our roles.
    const now = (await (
      await api.request('GET', `/api/v1/capacity?level=role&periods=4`)
    ).json()) as NamedCapacityView;
    for (const key of [ids.backend!, ids.design!])
      for (const q of P) {
        expect(cell(now, key, q).capacity).toBeCloseTo(cell(preview.after, key, q).capacity, 9);
        expect(cell(now, key, q).demand).toBeCloseTo(cell(preview.after, key, q).demand, 9);
      }
    const decision = (await (await api.request('GET', `/api/v1/decisions/${saved.decision.id}`)).json()) as {
      rationale: string;
    };
    expect(decision.rationale).toBe('Hire Di, push the platform work a quarter, Cy moves on');
    const audit = (await (await api.request('GET', `/api/v1/audit?entityId=${ids.initiative}`)).json()) as {
      items: { action: string; entity: string }[];
    };
    expect(audit.items[0]).toMatchObject({ action: 'update', entity: 'initiatives' });
    const gone = (await (await api.request('GET', `/api/v1/audit?entityId=${ids.cy}`)).json()) as {
      items: { action: string }[];
    };
    expect(gone.items[0]!.action).toBe('delete');
  });
  it('dropping an initiative: previewed, then saved as a cancellation that takes its demand away', async () => {
    const body = { changes: [{ dropInitiative: { id: ids.initiative } }], level: 'role', periods: 4 };
    const preview = (await (
      await api.request('POST', '/api/v1/capacity/what-if', body)
    ).json()) as CapacityWhatIf;
    // Delayed by the save above, it held 2 and 1 in P1 and P2; Bo's allocation stays in P1.
    expect(cell(preview.after, ids.backend!, P[1]!).demand).toBeCloseTo(0.5, 9);
    expect(cell(preview.after, ids.backend!, P[2]!).demand).toBeCloseTo(0, 9);
    expect(preview.resolvedAlerts).toContainEqual(
      expect.objectContaining({ level: 'role', key: ids.backend, periodLabel: P[1] }),
    );
    const res = await api.request('POST', '/api/v1/capacity/what-if/save', {
      ...body,
      rationale: 'Not this year',
    });
    expect(res.status).toBe(201);
    const initiative = (await (await api.request('GET', `/api/v1/initiatives/${ids.initiative}`)).json()) as {
      stage: string;
    };
    expect(initiative.stage).toBe('cancelled');
    const now = (await (
      await api.request('GET', '/api/v1/capacity?level=role&periods=4')
    ).json()) as NamedCapacityView;
    for (const q of P)
      expect(cell(now, ids.backend!, q).demand).toBeCloseTo(cell(preview.after, ids.backend!, q).demand, 9);
    // Once cancelled it is no demand, so it cannot be dropped again.
    expect((await api.request('POST', '/api/v1/capacity/what-if', body)).status).toBe(400);
  });
});
