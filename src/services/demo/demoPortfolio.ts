import { periodAt, periodIndex, periodOf, periodRange } from '../../domain/periods.ts';
import type { PlainRow } from '../../store/bulkLoad.ts';
import {
  COMPANY_SUFFIX,
  COMPANY_WORDS,
  COMPETITORS,
  FEATURE_VERBS,
  FEEDBACK_OPENERS,
  GOALS,
  INITIATIVE_THEMES,
  PRODUCT_LINES,
  PRODUCTS,
  ROLES,
  SEGMENTS,
} from './demoCatalog.ts';
import { Random } from './random.ts';

/** The demo organization as plain rows per table (ORG_TABLES keys), generated from a seed. */
export type DemoRows = Record<string, PlainRow[]>;

export interface DemoOptions {
  orgId: string;
  seed: number;
  scale: number;
  /** User ids by demo role, for product owners and people. */
  productOwnerId: string | null;
  /** "Now": history runs up to this date's quarter, planning starts the quarter after. */
  now: Date;
}

export const HISTORY_QUARTERS = 8;
export const PLANNING_QUARTERS = 8;

/** The 8 past quarters ending with the current one, and the 8 planning quarters after it. */
export function demoPeriods(now: Date) {
  const current = periodIndex(periodOf(now));
  return {
    history: periodRange(periodAt(current - HISTORY_QUARTERS + 1), HISTORY_QUARTERS),
    planning: periodRange(periodAt(current + 1), PLANNING_QUARTERS),
  };
}

/**
 * Generates a believable B2B software portfolio. Deterministic: the same seed, scale and "now"
 * give the same rows, ids included.
 */
export function generateDemo(opts: DemoOptions): DemoRows {
  const rnd = new Random(opts.seed);
  const orgId = opts.orgId;
  const scale = opts.scale;
  const { history, planning } = demoPeriods(opts.now);
  const day = 86_400_000;
  const nowMs = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate());
  const stamp = (daysAgo: number) => new Date(nowMs - Math.round(daysAgo * day));
  const base = (daysAgo: number) => ({
    orgId,
    version: 1,
    createdAt: stamp(daysAgo),
    updatedAt: stamp(daysAgo),
  });
  const rows: DemoRows = {};

  rows.goals = GOALS.map((g) => ({ id: rnd.uuid(), ...base(700), description: '', ...g }));
  const goalIds = rows.goals.map((g) => g.id as string);

  rows.segments = SEGMENTS.map((s) => ({
    id: rnd.uuid(),
    ...base(690),
    name: s.name,
    description: s.description,
    marketSize: s.marketSize,
    growthForecast: s.growthForecast,
    ourShare: s.ourShare,
    swot: s.swot,
    goalFit: Object.fromEntries(goalIds.map((id, i) => [id, s.goalFit[i]!])),
    valueProposition: s.valueProposition,
    overrideRank: null,
    overrideRationale: null,
  }));
  const segmentIds = rows.segments.map((s) => s.id as string);

  rows.segmentRequirements = SEGMENTS.flatMap((s, si) =>
    s.requirements.map((r) => ({ id: rnd.uuid(), ...base(680), segmentId: segmentIds[si], ...r })),
  );

  rows.productLines = PRODUCT_LINES.map((l) => ({ id: rnd.uuid(), ...base(720), ...l }));
  rows.products = PRODUCTS.map((p) => ({
    id: rnd.uuid(),
    ...base(710),
    productLineId: rows.productLines![p.line]!.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    ownerId: p.ownedByProductUser ? opts.productOwnerId : null,
    lifecycleStage: p.stage,
    investmentDecision: null,
    decisionRationale: null,
    segments: p.segments.map(([si, fit]) => ({
      segmentId: segmentIds[si],
      fit,
      share: rnd.round((SEGMENTS[si]!.ourShare * fit * rnd.int(50, 150)) / 100, 4),
    })),
    changelogPublic: true,
    custom: {},
  }));
  const productIds = rows.products.map((p) => p.id as string);

  rows.productFinancials = PRODUCTS.flatMap((p, pi) =>
    history.map((period, k) => {
      const revenue =
        p.baseRevenue === 0 ? 0 : (p.baseRevenue / 4) * (1 + p.growth) ** k * (1 + rnd.normal(0, 0.03));
      const cost =
        p.baseRevenue === 0 ? rnd.int(300, 700) * 1000 : revenue * (1 - p.margin) * (1 + rnd.normal(0, 0.05));
      return {
        id: rnd.uuid(),
        ...base(700 - k * 90),
        productId: productIds[pi],
        period,
        revenue: Math.round(revenue),
        cost: Math.round(cost),
      };
    }),
  );

  rows.components = PRODUCTS.flatMap((p, pi) =>
    ['Core', 'Integrations', 'Administration'].map((name) => ({
      id: rnd.uuid(),
      ...base(700),
      productId: productIds[pi],
      name: `${p.name.split(' ')[0]} ${name}`,
      description: '',
    })),
  );

  // Releases: two shipped in the past, two planned ahead, per product.
  rows.releases = PRODUCTS.flatMap((p, pi) =>
    [-200, -60, 45, 140].map((offset, k) => {
      const date = new Date(nowMs + offset * day).toISOString().slice(0, 10);
      const shipped = offset < 0;
      return {
        id: rnd.uuid(),
        ...base(shipped ? -offset + 60 : 30),
        productId: productIds[pi],
        name: `${p.name} ${2025 + Math.floor(k / 2)}.${(k % 2) + 1 + (shipped ? 0 : 1)}`,
        plannedDate: date,
        actualDate: shipped ? date : null,
        status: shipped ? 'released' : 'planned',
        notes: '',
      };
    }),
  );

  rows.roles = ROLES.map((name) => ({ id: rnd.uuid(), ...base(720), name }));
  const roleIds = rows.roles.map((r) => r.id as string);

  rows.customFields = [
    {
      id: rnd.uuid(),
      ...base(700),
      entity: 'feature',
      key: 'theme',
      label: 'Theme',
      type: 'single_select',
      options: ['growth', 'retention', 'compliance', 'platform'],
    },
    {
      id: rnd.uuid(),
      ...base(700),
      entity: 'feature',
      key: 'strategic_bet',
      label: 'Strategic bet',
      type: 'number',
      options: [],
    },
    {
      id: rnd.uuid(),
      ...base(700),
      entity: 'initiative',
      key: 'sponsor',
      label: 'Executive sponsor',
      type: 'text',
      options: [],
    },
    {
      id: rnd.uuid(),
      ...base(700),
      entity: 'product',
      key: 'pricing_model',
      label: 'Pricing model',
      type: 'single_select',
      options: ['seat', 'usage', 'platform'],
    },
  ];

  // Features: a backlog per product, titles from the product's objects.
  const featureCount = 400 * scale;
  const statuses = ['idea', 'planned', 'in_progress', 'shipped', 'parking_lot', 'rejected'] as const;
  const releasesByProduct = (pi: number) => rows.releases!.filter((r) => r.productId === productIds[pi]);
  const componentsByProduct = (pi: number) => rows.components!.filter((c) => c.productId === productIds[pi]);
  rows.features = [];
  for (let i = 0; i < featureCount; i++) {
    const pi = i % PRODUCTS.length;
    const p = PRODUCTS[pi]!;
    const status = rnd.weighted(statuses, [40, 18, 8, 22, 7, 5]);
    const rels = releasesByProduct(pi);
    const release =
      status === 'shipped'
        ? rels[rnd.int(0, 1)]
        : status === 'planned' || status === 'in_progress'
          ? rels[rnd.int(2, 3)]
          : null;
    const scope = rnd.chance(0.3) ? 'base' : 'segment_specific';
    const served = p.segments.map(([si]) => si);
    const targets = scope === 'base' ? served : served.filter(() => rnd.chance(0.45));
    if (scope === 'segment_specific' && targets.length === 0) targets.push(rnd.pick(served));
    const effort = rnd.int(1, 20);
    const roleEffort: Record<string, number> = {};
    roleEffort[roleIds[0]!] = rnd.round(effort * 0.5, 1);
    roleEffort[roleIds[1]!] = rnd.round(effort * 0.3, 1);
    roleEffort[roleIds[4]!] = rnd.round(effort * 0.2, 1);
    const object = rnd.pick(p.objects);
    rows.features.push({
      id: rnd.uuid(),
      ...base(rnd.int(1, 600)),
      productId: productIds[pi],
      componentId: rnd.chance(0.8) ? rnd.pick(componentsByProduct(pi)).id : null,
      releaseId: release?.id ?? null,
      title: `${rnd.pick(FEATURE_VERBS)} ${object}${i >= PRODUCTS.length * 50 ? ` (${Math.floor(i / (PRODUCTS.length * 50)) + 1})` : ''}`,
      spec: `## Problem\nCustomers in ${targets.map((si) => SEGMENTS[si]!.name).join(', ')} struggle with ${object}.\n\n## Proposal\n${rnd.pick(FEATURE_VERBS)} ${object} so that teams can act without waiting for analysts.`,
      status,
      scope,
      effort,
      effortByRole: roleEffort,
      reach: rnd.int(50, 5000),
      impact: rnd.pick([0.25, 0.5, 1, 2, 3]),
      confidence: rnd.pick([0.5, 0.8, 1]),
      businessValue: rnd.int(1, 20),
      timeCriticality: rnd.int(1, 20),
      riskReduction: rnd.int(1, 13),
      moscow: rnd.pick(['must', 'should', 'could', 'wont', null]),
      kano: rnd.pick(['basic', 'performance', 'delighter', 'indifferent', null]),
      segmentImpacts: targets.map((si) => ({
        segmentId: segmentIds[si],
        revenue: rnd.int(0, 3),
        retention: rnd.int(0, 3),
        adoption: rnd.int(0, 3),
      })),
      parkedReason:
        status === 'parking_lot' ? 'No significant impact in the top segments (demo data).' : null,
      manualRank: null,
      rankRationale: null,
      custom: {
        theme: rnd.pick(['growth', 'retention', 'compliance', 'platform']),
        strategic_bet: rnd.int(0, 5),
      },
    });
  }

  // Customers: company names per segment, revenue log-normal around $150k.
  rows.customers = [];
  for (let i = 0; i < 120 * scale; i++) {
    const si = i % SEGMENTS.length;
    const word = COMPANY_WORDS[Math.floor(i / SEGMENTS.length) % COMPANY_WORDS.length]!;
    const suffix = COMPANY_SUFFIX[si]![Math.floor(i / (SEGMENTS.length * COMPANY_WORDS.length)) % 4]!;
    const n = Math.floor(i / (SEGMENTS.length * COMPANY_WORDS.length * 4));
    rows.customers.push({
      id: rnd.uuid(),
      ...base(rnd.int(100, 720)),
      name: `${word} ${suffix}${n > 0 ? ` ${n + 1}` : ''}`,
      segmentId: segmentIds[si],
      annualRevenue: Math.round(Math.exp(rnd.normal(Math.log(150_000), 0.8))),
    });
  }

  // Feedback: each item from a customer about a feature their segment cares about, with the why.
  const featuresBySegment = segmentIds.map((sid) =>
    rows.features!.filter((f) =>
      (f.segmentImpacts as { segmentId: string }[]).some((x) => x.segmentId === sid),
    ),
  );
  const sources = ['sales', 'support', 'portal', 'interview', 'survey', 'import'] as const;
  rows.feedback = [];
  rows.feedbackLinks = [];
  for (let i = 0; i < 6000 * scale; i++) {
    const customer = rnd.chance(0.92) ? rnd.pick(rows.customers) : null;
    const si = customer ? segmentIds.indexOf(customer.segmentId as string) : rnd.int(0, SEGMENTS.length - 1);
    const candidates = featuresBySegment[si]!;
    const feature = candidates.length > 0 ? rnd.pick(candidates) : rnd.pick(rows.features);
    const req = rnd.pick(SEGMENTS[si]!.requirements);
    const id = rnd.uuid();
    const title = String(feature.title)
      .replace(/^\S+\s/, '')
      .replace(/ \(\d+\)$/, '');
    const linked = rnd.chance(0.75);
    const created = rnd.next() * 700;
    rows.feedback.push({
      id,
      ...base(created),
      text: `${rnd.pick(FEEDBACK_OPENERS)} better ${title}.`,
      why: rnd.chance(0.8) ? req.why : '',
      source: rnd.pick(sources),
      customerId: customer?.id ?? null,
      segmentId: segmentIds[si],
      status: linked ? 'triaged' : rnd.chance(0.1) ? 'archived' : 'new',
    });
    if (linked) {
      rows.feedbackLinks.push({
        id: rnd.uuid(),
        ...base(created),
        feedbackId: id,
        featureId: feature.id,
        importance: rnd.weighted([0, 1, 2, 3], [1, 4, 4, 2]),
      });
    }
  }

  rows.competitors = COMPETITORS.map((c) => ({
    id: rnd.uuid(),
    ...base(500),
    name: c.name,
    website: '',
    strengths: c.strengths,
    weaknesses: c.weaknesses,
    segmentIds: c.segments.map((si) => segmentIds[si]),
    productIds: [],
    marketShare: c.share,
  }));

  // Initiatives: themed proposals with cost, benefit, people and alignment.
  rows.initiatives = [];
  const initiativeCount = 40 * scale;
  for (let i = 0; i < initiativeCount; i++) {
    const theme = INITIATIVE_THEMES[i % INITIATIVE_THEMES.length]!;
    const round = Math.floor(i / INITIATIVE_THEMES.length);
    const duration = rnd.int(2, 5);
    const costQ = rnd.int(100, 900) * 1000;
    const benefitQ = costQ * rnd.next() * 1.6;
    const startIdx = rnd.int(0, 3);
    const benefitStart = duration;
    const benefitPerPeriod = planning.map((_, k) => (k >= benefitStart ? Math.round(benefitQ) : 0));
    const costPerPeriod = Array.from({ length: duration }, () =>
      Math.round(costQ * (0.8 + rnd.next() * 0.4)),
    );
    const totalCost = costPerPeriod.reduce((a, b) => a + b, 0);
    const totalBenefit = benefitPerPeriod.reduce((a, b) => a + b, 0);
    const segIndex = theme.segment;
    rows.initiatives.push({
      id: rnd.uuid(),
      ...base(rnd.int(20, 300)),
      name: round === 0 ? theme.name : `${theme.name} — phase ${round + 1}`,
      description: `Proposal: ${theme.name.toLowerCase()}.`,
      kind: theme.kind,
      stage: rnd.weighted(['proposed', 'approved', 'active', 'on_hold'], [70, 12, 12, 6]),
      productId: theme.product === null ? null : productIds[theme.product],
      segmentId: segIndex === null ? null : segmentIds[segIndex],
      startPeriod: planning[startIdx],
      costPerPeriod,
      benefitPerPeriod,
      probability: rnd.pick([0.5, 0.6, 0.7, 0.8, 0.9, 0.95]),
      costRange: { low: Math.round(totalCost * 0.85), likely: totalCost, high: Math.round(totalCost * 1.4) },
      benefitRange: {
        low: Math.round(totalBenefit * 0.4),
        likely: totalBenefit,
        high: Math.round(totalBenefit * 1.3),
      },
      demand: [0, 1, 2, 3]
        .filter(() => rnd.chance(0.6))
        .map((ri) => ({
          roleId: roleIds[ri],
          perPeriod: Array.from({ length: duration }, () => rnd.int(1, 4)),
        })),
      alignment: Object.fromEntries(
        goalIds.map((gid, gi) => [
          gid,
          segIndex === null
            ? rnd.round(rnd.next() * 0.6, 2)
            : rnd.round(Math.min(1, SEGMENTS[segIndex]!.goalFit[gi]! * (0.6 + rnd.next() * 0.5)), 2),
        ]),
      ),
      requires: [],
      excludes: [],
      mandatory: theme.kind === 'compliance' && round === 0 && rnd.chance(0.5),
      custom: { sponsor: rnd.pick(['CEO', 'CPO', 'CTO', 'CFO']) },
    });
  }
  // A few dependencies: phase 2 requires phase 1; the acquisition excludes building connectors.
  for (let i = INITIATIVE_THEMES.length; i < rows.initiatives.length; i++) {
    rows.initiatives[i]!.requires = [rows.initiatives[i - INITIATIVE_THEMES.length]!.id];
  }
  const acquire = rows.initiatives.findIndex((x) => x.name === 'Acquire PlantView');
  const historian = rows.initiatives.findIndex((x) => x.name === 'Historian connectors');
  if (acquire >= 0 && historian >= 0) rows.initiatives[acquire]!.excludes = [rows.initiatives[historian]!.id];

  // Teams (one per product) and people in roles.
  rows.teams = PRODUCTS.map((p, pi) => ({
    id: rnd.uuid(),
    ...base(720),
    name: `${p.name} team`,
    productId: productIds[pi],
  }));
  rows.people = [];
  for (let i = 0; i < 60 * scale; i++) {
    const ti = i % rows.teams.length;
    rows.people.push({
      id: rnd.uuid(),
      ...base(rnd.int(30, 720)),
      name: `${rnd.pick(['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Riley', 'Casey', 'Jamie', 'Robin', 'Avery', 'Quinn', 'Drew'])} ${rnd.pick(['Kim', 'Novak', 'Okafor', 'Silva', 'Müller', 'Tanaka', 'Haddad', 'Larsen', 'Rossi', 'Patel', 'Nguyen', 'Dubois'])}`,
      teamId: rows.teams[ti]!.id,
      roleId: roleIds[rnd.weighted([0, 1, 2, 3, 4, 5], [35, 25, 10, 10, 12, 8])],
      userId: null,
      fte: rnd.pick([1, 1, 1, 1, 0.8, 0.5]),
      timeOff: rnd.chance(0.3) ? { [rnd.pick(planning.slice(0, 4))]: rnd.pick([0.1, 0.25]) } : {},
    });
  }
  rows.allocations = rows.people.flatMap((person, i) =>
    planning.slice(0, 2).map((period) => ({
      id: rnd.uuid(),
      ...base(10),
      personId: person.id,
      productId: rows.teams![i % rows.teams!.length]!.productId,
      initiativeId: null,
      period,
      fte: rnd.pick([0.5, 0.8, 1]),
    })),
  );

  rows.risks = [];
  for (let i = 0; i < 25; i++) {
    const onProduct = i % 2 === 0;
    rows.risks.push({
      id: rnd.uuid(),
      ...base(rnd.int(5, 200)),
      title: rnd.pick([
        'Key engineer may leave',
        'Regulation may change scope',
        'Vendor API deprecation',
        'Security certification delay',
        'Competitor price cut',
        'Cloud cost overrun',
        'Integration partner delays',
      ]),
      productId: onProduct ? rnd.pick(productIds) : null,
      initiativeId: onProduct ? null : rnd.pick(rows.initiatives).id,
      probability: rnd.pick([0.1, 0.2, 0.3, 0.5, 0.7]),
      impact: rnd.int(2, 40) * 25_000,
      mitigation: 'Tracked in the portfolio review.',
      owner: rnd.pick(['Pat Portfolio', 'Priya Product', 'Ada Admin']),
      status: rnd.weighted(['open', 'mitigating', 'closed'], [6, 3, 1]),
    });
  }

  // KPIs: five per product with eight quarters of measurements.
  const kpiKinds = [
    { kind: 'csat', name: 'CSAT', unit: '%', target: 85, start: 78, drift: 0.6 },
    { kind: 'nps', name: 'NPS', unit: '', target: 40, start: 28, drift: 1 },
    { kind: 'active_users', name: 'Monthly active users', unit: 'users', target: 0, start: 0, drift: 0 },
    { kind: 'revenue', name: 'Revenue', unit: 'USD', target: 0, start: 0, drift: 0 },
    { kind: 'retention', name: 'Net revenue retention', unit: '%', target: 110, start: 102, drift: 0.5 },
  ] as const;
  rows.kpis = [];
  rows.kpiMeasurements = [];
  PRODUCTS.forEach((p, pi) => {
    if (p.stage === 'ideation') return;
    for (const k of kpiKinds) {
      const id = rnd.uuid();
      const users = Math.max(200, Math.round(p.baseRevenue / 400));
      const target =
        k.kind === 'active_users' ? users * 1.3 : k.kind === 'revenue' ? (p.baseRevenue / 4) * 1.1 : k.target;
      rows.kpis.push({
        id,
        ...base(720),
        productId: productIds[pi],
        name: k.name,
        kind: k.kind,
        unit: k.unit,
        direction: 'higher_is_better',
        target: Math.round(target),
      });
      history.forEach((period, q) => {
        let value: number;
        if (k.kind === 'active_users') value = users * (1 + p.growth) ** q * (1 + rnd.normal(0, 0.02));
        else if (k.kind === 'revenue') value = (p.baseRevenue / 4) * (1 + p.growth) ** q;
        else value = k.start + (p.growth >= 0 ? k.drift : -k.drift) * q + rnd.normal(0, 1.5);
        rows.kpiMeasurements!.push({
          id: rnd.uuid(),
          ...base(700 - q * 90),
          kpiId: id,
          period,
          value: Math.round(value * 10) / 10,
        });
      });
    }
  });

  rows.decisions = [
    {
      id: rnd.uuid(),
      ...base(120),
      kind: 'investment',
      title: 'Maintain Relay Forms; no new features',
      rationale: 'Revenue declining 4 % a quarter; customers are migrating to Relay Workflows.',
      subjectType: 'product',
      subjectId: productIds[6],
      links: [],
      data: {},
      actorType: 'system',
      actorId: null,
      actorName: 'demo',
    },
  ];
  rows.auditLog = [];

  // --- Key results and requirement coverage (issue 7) ---------------------------------------------
  // A generator of its own, so adding these rows does not change any row generated above.
  const okr = new Random(opts.seed ^ 0x0c0de7);
  const krKinds = ['revenue', 'retention', 'active_users', 'nps', 'csat'] as const;
  rows.keyResults = rows.goals.flatMap((goal, gi) => {
    const kind = krKinds[gi % krKinds.length];
    return rows
      .kpis!.filter((k) => k.kind === kind)
      .slice(0, 2)
      .map((k) => {
        const first = rows.kpiMeasurements!.find((m) => m.kpiId === k.id && m.period === history[0]);
        const start = Number(first?.value ?? 0);
        const target = Math.max(Number(k.target), start * 1.1);
        return {
          id: okr.uuid(),
          ...base(700),
          goalId: goal.id,
          kpiId: k.id,
          name: `${k.name} from ${start} to ${Math.round(target * 10) / 10}`,
          start,
          target: Math.round(target * 10) / 10,
          weight: 1,
          startPeriod: history[0],
          duePeriod: planning[3],
        };
      });
  });
  // Coverage: products serving a segment well cover some of its requirements; competitors in the
  // segment cover some (a few better than us); the rest stay gaps.
  rows.requirementCoverage = rows.segmentRequirements.flatMap((req) => {
    const si = segmentIds.indexOf(req.segmentId as string);
    const ours = PRODUCTS.flatMap((p, pi) =>
      p.segments.some(([s, fit]) => s === si && fit >= 0.8) && okr.chance(0.5)
        ? [
            {
              id: okr.uuid(),
              ...base(300),
              requirementId: req.id,
              productId: productIds[pi],
              featureId: null,
              competitorId: null,
              level: okr.weighted(['partial', 'full', 'better'], [3, 3, 1]),
              evidence: `${p.name} product review (demo data).`,
            },
          ]
        : [],
    );
    const theirs = rows.competitors!.flatMap((c) =>
      (c.segmentIds as string[]).includes(req.segmentId as string) && okr.chance(0.5)
        ? [
            {
              id: okr.uuid(),
              ...base(250),
              requirementId: req.id,
              productId: null,
              featureId: null,
              competitorId: c.id,
              level: okr.weighted(['none', 'partial', 'full', 'better'], [1, 2, 3, 2]),
              evidence: `${c.name} public documentation (demo data).`,
            },
          ]
        : [],
    );
    return [...ours, ...theirs];
  });

  return rows;
}
