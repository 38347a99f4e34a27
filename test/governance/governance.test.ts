import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { addUser } from '../../src/services/auth/users.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type Client, clientFor, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

const PASSWORD = 'governance-lab-password';
const ROLES = { admin: 'admin', portfolio: 'portfolio_manager', product: 'product_manager' } as const;
type Who = keyof typeof ROLES;

/**
 * A small prepared organization built through the API, so every expectation below is derived by hand:
 * which gate each initiative waits at, which requirements are missing, which team is over-allocated.
 */
describe.each(BACKENDS)('stage gates, reviews, competitive matrix and pricing on %s', (backend) => {
  let store: Store;
  const as = {} as Record<Who, Client>;
  const ids: Record<string, string> = {};

  const ok = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(status);
    return text ? JSON.parse(text) : null;
  };
  const post = async (who: Who, path: string, body: unknown, status = 201) =>
    ok(await as[who].request('POST', path, body), status);

  beforeAll(async () => {
    store = await openTestStore(backend);
    const org = await createOrganization(store, { slug: 'gov-lab', name: 'Governance lab' });
    const app = createApp({ store });
    for (const [who, role] of Object.entries(ROLES) as [Who, string][]) {
      const email = `${who}@gov.test`;
      await addUser(store, org.id, { email, role, password: PASSWORD });
      as[who] = clientFor(app, await signIn(app, email, PASSWORD));
    }
    ids.line = (await post('admin', '/api/v1/product-lines', { name: 'Line' })).id;
    ids.segment = (await post('admin', '/api/v1/segments', { name: 'Mid-market' })).id;
    ids.product = (
      await post('admin', '/api/v1/products', {
        productLineId: ids.line,
        name: 'Atlas',
        slug: 'atlas',
        segments: [{ segmentId: ids.segment, fit: 0.8, share: 0.1 }],
      })
    ).id;
    const longText = 'A business case long enough: it explains the market, the cost and the benefit.';
    const initiative = (name: string, extra: Record<string, unknown> = {}) =>
      post('admin', '/api/v1/initiatives', { name, kind: 'enhancement', startPeriod: '2027Q1', ...extra });
    ids.bare = (await initiative('Bare idea')).id; // proposed, no business case
    ids.ready = (await initiative('Ready idea', { description: longText })).id; // proposed, business case
    ids.running = (await initiative('Running', { stage: 'active' })).id; // not proposed: no gate waits
    ids.rejected = (await initiative('Rejected idea', { description: longText })).id;
  });
  afterAll(() => store.close());

  it('an approval by a role without the right is refused, naming the roles that may', async () => {
    const res = await as.product.request('POST', `/api/v1/initiatives/${ids.ready}/gate/approve`, {
      comment: 'looks good',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string; details: { approverRoles: string[] } } };
    expect(body.error.details.approverRoles).toEqual(['admin', 'portfolio_manager']);
    expect(body.error.message).toContain('admin, portfolio_manager');
  });

  it('a gate with missing requirements refuses to pass and names them', async () => {
    const res = await as.portfolio.request('POST', `/api/v1/initiatives/${ids.bare}/gate/approve`, {
      comment: 'go',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string; details: { missing: string[] } } };
    expect(body.error.details.missing).toEqual(['businessCase']);
    expect(body.error.message).toContain('business case');
    const state = await ok(await as.portfolio.request('GET', `/api/v1/initiatives/${ids.bare}/gate`));
    expect(state).toMatchObject({ status: 'waiting', currentGate: { key: 'proposal' }, history: [] });
  });

  it('approving moves to the next gate, where its own requirements apply; every decision is logged', async () => {
    const passed = await post(
      'portfolio',
      `/api/v1/initiatives/${ids.ready}/gate/approve`,
      { comment: 'worth a case' },
      200,
    );
    expect(passed).toMatchObject({ status: 'waiting', currentGate: { key: 'business_case' } });
    expect(passed.missing.map((m: { field: string }) => m.field)).toEqual([
      'costEstimate',
      'benefitEstimate',
      'risks',
    ]);
    const refused = await as.admin.request('POST', `/api/v1/initiatives/${ids.ready}/gate/approve`, {
      comment: 'x',
    });
    expect(refused.status).toBe(422);
    expect(
      ((await refused.json()) as { error: { details: { missing: string[] } } }).error.details.missing,
    ).toEqual(['costEstimate', 'benefitEstimate', 'risks']);
    const rejected = await post(
      'admin',
      `/api/v1/initiatives/${ids.rejected}/gate/reject`,
      { comment: 'not for us' },
      200,
    );
    expect(rejected.status).toBe('rejected');
    const again = await as.admin.request('POST', `/api/v1/initiatives/${ids.rejected}/gate/approve`, {
      comment: 'x',
    });
    expect(again.status).toBe(409);
    const log = await ok(await as.admin.request('GET', '/api/v1/decisions?kind=gate'));
    expect(log.items.map((d: { title: string }) => d.title).sort()).toEqual([
      'Passed gate "Proposal": Ready idea',
      'Rejected gate "Proposal": Rejected idea',
    ]);
    // Send back: from business case to proposal.
    const back = await post(
      'admin',
      `/api/v1/initiatives/${ids.ready}/gate/send-back`,
      { comment: 'rework' },
      200,
    );
    expect(back).toMatchObject({ status: 'waiting', currentGate: { key: 'proposal' } });
    expect(back.history.map((h: { outcome: string }) => h.outcome)).toEqual(['approve', 'send_back']);
    await post('admin', `/api/v1/initiatives/${ids.ready}/gate/approve`, { comment: 'again' }, 200);
  });

  it('gates are configurable per organization', async () => {
    const bad = await as.portfolio.request('PUT', '/api/v1/gates', {
      gates: [{ key: 'x', name: 'X', approverRoles: [] }],
    });
    expect(bad.status).toBe(400);
    const cfg = await ok(await as.admin.request('GET', '/api/v1/gates'));
    expect(cfg.gates.map((g: { key: string }) => g.key)).toEqual([
      'proposal',
      'business_case',
      'approval',
      'delivery',
      'done',
    ]);
  });

  it('the review agenda lists exactly the items that need a decision', async () => {
    // Goals: one with a key result whose time frame has passed with no progress (off track), one achieved.
    const kpi = (await post('admin', '/api/v1/kpis', { name: 'Revenue', kind: 'revenue' })).id;
    await post('admin', '/api/v1/kpi-measurements', { kpiId: kpi, period: '2021Q4', value: 100 });
    const late = (await post('admin', '/api/v1/goals', { name: 'Grow late' })).id;
    await post('admin', '/api/v1/key-results', {
      goalId: late,
      kpiId: kpi,
      name: 'Reach 500',
      start: 100,
      target: 500,
      startPeriod: '2020Q1',
      duePeriod: '2021Q4',
    });
    const done = (await post('admin', '/api/v1/goals', { name: 'Already there' })).id;
    await post('admin', '/api/v1/key-results', {
      goalId: done,
      kpiId: kpi,
      name: 'Reach 100',
      start: 0,
      target: 100,
      startPeriod: '2020Q1',
      duePeriod: '2021Q4',
    });
    // Team Blue: Ann at 0.6 + 0.6 of 1 FTE in 2027Q1 (over), Bob 0.5 of 0.5 (not over); Ann fine in 2027Q2.
    const team = (await post('admin', '/api/v1/teams', { name: 'Blue' })).id;
    const ann = (await post('admin', '/api/v1/people', { name: 'Ann', teamId: team, fte: 1 })).id;
    const bob = (await post('admin', '/api/v1/people', { name: 'Bob', teamId: team, fte: 0.5 })).id;
    for (const [personId, period, fte] of [
      [ann, '2027Q1', 0.6],
      [ann, '2027Q1', 0.6],
      [ann, '2027Q2', 1],
      [bob, '2027Q1', 0.5],
    ] as const) {
      await post('admin', '/api/v1/allocations', { personId, productId: ids.product, period, fte });
    }
    // Lifecycle: Atlas gets a recorded decision other than what Sextant recommends for it.
    const recs = await ok(await as.admin.request('GET', '/api/v1/lifecycle/recommendations'));
    const atlas = recs.items.find((p: { productId: string }) => p.productId === ids.product);
    const other = ['invest', 'maintain', 'retire'].find((d) => d !== atlas.recommendation);
    await post(
      'admin',
      `/api/v1/products/${ids.product}/decision`,
      { decision: other, rationale: 'gut feeling' },
      200,
    );

    // Scenarios: one saved (awaits commit), one committed (decided already).
    const orgId = (
      await queryRows<{ id: string }>(store.db, sql`SELECT id FROM organizations WHERE slug = 'gov-lab'`)
    )[0]!.id;
    await store.db.execute(
      sql`INSERT INTO scenarios (org_id, name, status) VALUES (${orgId}, 'Plan A', 'saved'), (${orgId}, 'Plan B', 'committed')`,
    );

    const review = await post('portfolio', '/api/v1/reviews', { title: 'Q1 review', heldOn: '2027-01-15' });
    const agenda = review.agenda as Record<string, unknown>[];
    expect(agenda.filter((i) => i.kind === 'gate').map((i) => [i.name, i.gate])).toEqual([
      ['Bare idea', 'proposal'],
      ['Ready idea', 'business_case'],
    ]);
    expect(agenda.filter((i) => i.kind === 'goal_off_track').map((i) => i.name)).toEqual(['Grow late']);
    expect(agenda.filter((i) => i.kind === 'over_allocated')).toEqual([
      {
        kind: 'over_allocated',
        teamId: team,
        teamName: 'Blue',
        period: '2027Q1',
        people: [{ personId: ann, name: 'Ann', fte: 1, allocated: 1.2 }],
      },
    ]);
    expect(agenda.filter((i) => i.kind === 'scenario').map((i) => i.name)).toEqual(['Plan A']);
    expect(agenda.filter((i) => i.kind === 'lifecycle')).toEqual([
      {
        kind: 'lifecycle',
        productId: ids.product,
        name: 'Atlas',
        recommendation: atlas.recommendation,
        current: other,
      },
    ]);
    expect(agenda).toHaveLength(6);

    // Minutes and linked decisions; the summary page is printable and escapes what people typed.
    const decisions = await ok(await as.admin.request('GET', '/api/v1/decisions?kind=gate'));
    const linked = decisions.items.map((d: { id: string }) => d.id);
    const updated = await ok(
      await as.portfolio.request('PATCH', `/api/v1/reviews/${review.id}`, {
        minutes: 'Agreed <b>to</b> fund Ready idea',
        decisionIds: linked,
      }),
    );
    expect(updated.decisionIds.sort()).toEqual([...linked].sort());
    const unknown = await as.portfolio.request('PATCH', `/api/v1/reviews/${review.id}`, {
      decisionIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(422);
    const res = await as.product.request('GET', `/api/v1/reviews/${review.id}/summary`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('@media print');
    expect(html).toContain('Agreed &lt;b&gt;to&lt;/b&gt; fund Ready idea');
    expect(html).toContain('Passed gate &quot;Proposal&quot;: Ready idea');
    expect(html).toContain('Ann 1.2 of 1 FTE');
  });

  it('the competitive matrix sets our products and competitors against the segment requirements', async () => {
    const must = (
      await post('admin', '/api/v1/segment-requirements', {
        segmentId: ids.segment,
        text: 'SSO',
        importance: 3,
      })
    ).id;
    const nice = (
      await post('admin', '/api/v1/segment-requirements', {
        segmentId: ids.segment,
        text: 'Dark mode',
        importance: 1,
      })
    ).id;
    const rival = (await post('admin', '/api/v1/competitors', { name: 'Rival', segmentIds: [ids.segment] }))
      .id;
    const cover = (body: Record<string, unknown>) => post('admin', '/api/v1/requirement-coverage', body);
    await cover({ requirementId: must, productId: ids.product, level: 'partial', evidence: 'SAML only' });
    await cover({ requirementId: must, competitorId: rival, level: 'full', evidence: 'SAML + OIDC' });
    await cover({ requirementId: nice, productId: ids.product, level: 'better', evidence: 'themes' });
    const m = await ok(await as.product.request('GET', `/api/v1/segments/${ids.segment}/competitive-matrix`));
    expect(m.products).toEqual([{ id: ids.product, name: 'Atlas' }]);
    expect(m.competitors).toEqual([{ id: rival, name: 'Rival' }]);
    expect(
      m.rows.map((r: Record<string, unknown>) => [r.text, r.ourBest, r.competitorBest, r.standing]),
    ).toEqual([
      ['SSO', 'partial', 'full', 'gap'],
      ['Dark mode', 'better', null, 'advantage'],
    ]);
    expect(m.rows[0].competitors[rival]).toEqual({ level: 'full', evidence: 'SAML + OIDC' });
  });

  it('pricing and positioning keep every change as history and as a pricing decision', async () => {
    const path = `/api/v1/products/${ids.product}/positioning`;
    const plan = { name: 'Team', price: 12, currency: 'EUR', per: 'user_month' };
    const refused = await as.product.request('PUT', path, { statement: 'x', rationale: 'y' });
    expect(refused.status).toBe(403); // the product manager does not own Atlas
    const first = await ok(
      await as.portfolio.request('PUT', path, {
        segmentId: ids.segment,
        statement: 'The planner for mid-market',
        plans: [plan],
        rationale: 'launch',
      }),
    );
    const second = await ok(
      await as.portfolio.request('PUT', path, {
        segmentId: ids.segment,
        statement: 'The planner for mid-market',
        plans: [{ ...plan, price: 15 }],
        rationale: 'value study',
      }),
    );
    expect(second.id).toBe(first.id);
    expect(second.plans[0].price).toBe(15);
    expect(second.history.map((h: { rationale: string }) => h.rationale)).toEqual(['launch', 'value study']);
    const list = await ok(await as.product.request('GET', path));
    expect(list.items).toHaveLength(1);
    const log = await ok(await as.admin.request('GET', '/api/v1/decisions?kind=pricing'));
    expect(log.items.map((d: { rationale: string }) => d.rationale).sort()).toEqual([
      'launch',
      'value study',
    ]);
  });
});
