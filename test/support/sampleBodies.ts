import type { Client } from './testApp.ts';

/** Ids of one existing row per entity in an organization, read through the API. */
export type SampleIds = Record<string, string>;

const SOURCES = [
  'goals',
  'segments',
  'segment-requirements',
  'product-lines',
  'products',
  'components',
  'releases',
  'features',
  'customers',
  'feedback',
  'kpis',
  'roles',
  'teams',
  'people',
  'initiatives',
] as const;

export async function sampleIds(api: Client): Promise<SampleIds> {
  const ids: SampleIds = {};
  for (const name of SOURCES) {
    const res = await api.request('GET', `/api/v1/${name}?limit=1`);
    const body = (await res.json()) as { items: { id: string }[] };
    if (!body.items[0]) throw new Error(`no ${name} in the demo`);
    ids[name] = body.items[0].id;
  }
  return ids;
}

/**
 * A valid create body for every entity of the registry, referring to rows of the organization
 * whose ids are given. Unique values (slugs, periods, keys) are fresh so the body can really be created.
 */
export function validBodies(ids: SampleIds, unique: string): Record<string, Record<string, unknown>> {
  return {
    goals: { name: `Goal ${unique}`, description: 'why', weight: 2, targetMetric: 'ARR' },
    segments: {
      name: `Segment ${unique}`,
      marketSize: 1000,
      growthForecast: [0.1, 0.05],
      ourShare: 0.1,
      swot: [{ kind: 'strength', text: 'brand', score: 4 }],
      goalFit: { [ids.goals!]: 0.5 },
      valueProposition: 'value',
    },
    'segment-requirements': { segmentId: ids.segments, text: 'Needs SSO', why: 'IT policy', importance: 2 },
    'product-lines': { name: `Line ${unique}`, description: 'd' },
    products: {
      productLineId: ids['product-lines'],
      name: `Product ${unique}`,
      slug: `product-${unique}`,
      segments: [{ segmentId: ids.segments, fit: 0.5, share: 0.1 }],
      lifecycleStage: 'launch',
    },
    'product-financials': { productId: ids.products, period: '2040Q1', revenue: 10, cost: 5 },
    components: { productId: ids.products, name: `Component ${unique}` },
    releases: { productId: ids.products, name: `Release ${unique}`, plannedDate: '2027-03-01' },
    portals: { productId: ids.products, slug: `portal-${unique}`, title: 'Ideas', visibility: 'signin' },
    'announcement-subscribers': {
      productId: ids.products,
      segmentId: ids.segments,
      email: `subscriber-${unique}@example.com`,
      name: 'Subscriber',
    },
    features: {
      productId: ids.products,
      componentId: ids.components,
      releaseId: ids.releases,
      title: `Feature ${unique}`,
      spec: '# spec',
      effort: 3,
      effortByRole: { [ids.roles!]: 2 },
      reach: 100,
      impact: 2,
      confidence: 0.8,
      segmentImpacts: [{ segmentId: ids.segments, revenue: 2, retention: 1, adoption: 0 }],
    },
    customers: { name: `Customer ${unique}`, segmentId: ids.segments, annualRevenue: 1000 },
    feedback: {
      text: `Feedback ${unique}`,
      why: 'because',
      source: 'sales',
      customerId: ids.customers,
      segmentId: ids.segments,
    },
    'feedback-links': { feedbackId: ids.feedback, featureId: ids.features, importance: 3 },
    'custom-fields': {
      entity: 'feature',
      key: `k_${unique.replace(/-/g, '_')}`,
      label: 'Label',
      type: 'number',
    },
    competitors: {
      name: `Competitor ${unique}`,
      segmentIds: [ids.segments],
      productIds: [ids.products],
      marketShare: 0.2,
    },
    initiatives: {
      name: `Initiative ${unique}`,
      kind: 'enhancement',
      startPeriod: '2027Q1',
      productId: ids.products,
      segmentId: ids.segments,
      costPerPeriod: [10, 10],
      benefitPerPeriod: [0, 5, 5],
      probability: 0.7,
      demand: [{ roleId: ids.roles, perPeriod: [1, 1] }],
      alignment: { [ids.goals!]: 0.9 },
      requires: [ids.initiatives],
    },
    teams: { name: `Team ${unique}`, productId: ids.products },
    roles: { name: `Role ${unique}` },
    people: { name: `Person ${unique}`, teamId: ids.teams, roleId: ids.roles, fte: 1 },
    allocations: { personId: ids.people, productId: ids.products, period: '2027Q1', fte: 0.5 },
    risks: { title: `Risk ${unique}`, productId: ids.products, probability: 0.3, impact: 1000 },
    kpis: { productId: ids.products, name: `KPI ${unique}`, kind: 'csat', target: 80 },
    'kpi-measurements': { kpiId: ids.kpis, period: '2040Q1', value: 70 },
    'key-results': {
      goalId: ids.goals,
      kpiId: ids.kpis,
      name: `KR ${unique}`,
      start: 10,
      target: 20,
      startPeriod: '2027Q1',
      duePeriod: '2027Q4',
    },
    'requirement-coverage': {
      requirementId: ids['segment-requirements'],
      productId: ids.products,
      level: 'partial',
      evidence: 'demo',
    },
    decisions: {
      kind: 'other',
      title: `Decision ${unique}`,
      rationale: 'because',
      subjectType: 'product',
      subjectId: ids.products,
    },
  };
}

/** Where each sample id points, so a reference can be swapped for the same kind of row elsewhere. */
export function idKinds(ids: SampleIds): Map<string, string> {
  return new Map(Object.entries(ids).map(([kind, id]) => [id, kind]));
}

/** Copies of `body` with one reference replaced each time (values and record keys alike). */
export function withEachReferenceReplaced(
  body: unknown,
  kinds: Map<string, string>,
  replacement: (kind: string) => string,
): { path: string; body: unknown }[] {
  const text = JSON.stringify(body);
  const out: { path: string; body: unknown }[] = [];
  for (const [id, kind] of kinds) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(id, from);
      if (at < 0) break;
      out.push({
        path: `${kind}@${at}`,
        body: JSON.parse(text.slice(0, at) + replacement(kind) + text.slice(at + id.length)),
      });
      from = at + id.length;
    }
  }
  return out;
}

/** A value of the wrong type for whatever `value` is. */
export function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value && typeof value === 'object') return 42;
  return { unexpected: true };
}
