import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The database schema: PostgreSQL dialect only, the same on PGlite and on a server.
 * Every business row carries `org_id`; the services scope every query by it. Child collections
 * that never need an identity of their own (SWOT items, segment impacts, alignment scores) live in
 * jsonb on their parent; anything queried across the portfolio (feedback links, financials,
 * measurements, allocations) has its own table and indexes.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });
const version = () => integer('version').notNull().default(1);
// Millisecond precision: timestamps round-trip exactly through JavaScript Dates (and cursors).
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();
const custom = () => jsonb('custom').$type<Record<string, unknown>>().notNull().default({});

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  version: version(),
  /** Bumped by every write transaction in the organization; cached reads are keyed on it. */
  dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'set null' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    scope: text('scope').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('api_tokens_org_idx').on(t.orgId)],
);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    weight: doublePrecision('weight').notNull().default(1),
    targetMetric: text('target_metric').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goals_org_idx').on(t.orgId)],
);

export const segments = pgTable(
  'segments',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    marketSize: doublePrecision('market_size').notNull().default(0),
    growthForecast: jsonb('growth_forecast').$type<number[]>().notNull().default([]),
    ourShare: doublePrecision('our_share').notNull().default(0),
    swot: jsonb('swot').$type<{ kind: string; text: string; score: number }[]>().notNull().default([]),
    goalFit: jsonb('goal_fit').$type<Record<string, number>>().notNull().default({}),
    valueProposition: text('value_proposition').notNull().default(''),
    overrideRank: integer('override_rank'),
    overrideRationale: text('override_rationale'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(value_proposition, ''))`,
    ),
  },
  (t) => [index('segments_org_idx').on(t.orgId), index('segments_search_idx').using('gin', t.search)],
);

export const segmentRequirements = pgTable(
  'segment_requirements',
  {
    id: id(),
    orgId: orgId(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    why: text('why').notNull().default(''),
    importance: smallint('importance').notNull().default(2),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(text, '') || ' ' || coalesce(why, ''))`,
    ),
  },
  (t) => [
    index('segment_requirements_org_segment_idx').on(t.orgId, t.segmentId),
    index('segment_requirements_search_idx').using('gin', t.search),
  ],
);

export const productLines = pgTable(
  'product_lines',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('product_lines_org_idx').on(t.orgId)],
);

export const products = pgTable(
  'products',
  {
    id: id(),
    orgId: orgId(),
    productLineId: uuid('product_line_id')
      .notNull()
      .references(() => productLines.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    lifecycleStage: text('lifecycle_stage').notNull().default('ideation'),
    investmentDecision: text('investment_decision'),
    decisionRationale: text('decision_rationale'),
    segments: jsonb('segments')
      .$type<{ segmentId: string; fit: number; share: number }[]>()
      .notNull()
      .default([]),
    changelogPublic: boolean('changelog_public').notNull().default(true),
    custom: custom(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    index('products_org_idx').on(t.orgId),
    uniqueIndex('products_org_slug_idx').on(t.orgId, t.slug),
    index('products_search_idx').using('gin', t.search),
  ],
);

export const productFinancials = pgTable(
  'product_financials',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    revenue: doublePrecision('revenue').notNull().default(0),
    cost: doublePrecision('cost').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('product_financials_product_period_idx').on(t.orgId, t.productId, t.period)],
);

export const components = pgTable(
  'components',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('components_org_product_idx').on(t.orgId, t.productId)],
);

export const releases = pgTable(
  'releases',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    plannedDate: date('planned_date'),
    actualDate: date('actual_date'),
    status: text('status').notNull().default('planned'),
    notes: text('notes').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(notes, ''))`,
    ),
  },
  (t) => [
    index('releases_org_product_idx').on(t.orgId, t.productId),
    index('releases_search_idx').using('gin', t.search),
  ],
);

export const features = pgTable(
  'features',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'set null' }),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    spec: text('spec').notNull().default(''),
    status: text('status').notNull().default('idea'),
    scope: text('scope').notNull().default('segment_specific'),
    effort: doublePrecision('effort').notNull().default(1),
    effortByRole: jsonb('effort_by_role').$type<Record<string, number>>().notNull().default({}),
    reach: doublePrecision('reach').notNull().default(0),
    impact: doublePrecision('impact').notNull().default(0),
    confidence: doublePrecision('confidence').notNull().default(0.5),
    businessValue: doublePrecision('business_value').notNull().default(0),
    timeCriticality: doublePrecision('time_criticality').notNull().default(0),
    riskReduction: doublePrecision('risk_reduction').notNull().default(0),
    moscow: text('moscow'),
    kano: text('kano'),
    segmentImpacts: jsonb('segment_impacts')
      .$type<{ segmentId: string; revenue: number; retention: number; adoption: number }[]>()
      .notNull()
      .default([]),
    parkedReason: text('parked_reason'),
    manualRank: integer('manual_rank'),
    rankRationale: text('rank_rationale'),
    /** Set when a product manager pulled the feature back from the parking lot: the engine no longer parks it. */
    pulledBackRationale: text('pulled_back_rationale'),
    custom: custom(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(spec, ''))`,
    ),
  },
  (t) => [
    index('features_org_product_idx').on(t.orgId, t.productId),
    index('features_org_status_idx').on(t.orgId, t.status),
    index('features_release_idx').on(t.releaseId),
    index('features_search_idx').using('gin', t.search),
  ],
);

export const customers = pgTable(
  'customers',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    annualRevenue: doublePrecision('annual_revenue').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', coalesce(name, ''))`),
  },
  (t) => [
    index('customers_org_segment_idx').on(t.orgId, t.segmentId),
    index('customers_search_idx').using('gin', t.search),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    orgId: orgId(),
    text: text('text').notNull(),
    why: text('why').notNull().default(''),
    source: text('source').notNull().default('other'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('new'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(text, '') || ' ' || coalesce(why, ''))`,
    ),
  },
  (t) => [
    index('feedback_org_created_idx').on(t.orgId, t.createdAt, t.id),
    // Filtered lists are read newest first, a page at a time: with the order in the index, a search
    // with filters walks the filtered rows newest first and stops after a page instead of collecting
    // every row that matches the word (tens of thousands for a common one) and sorting them.
    index('feedback_org_customer_created_idx').on(t.orgId, t.customerId, t.createdAt, t.id),
    index('feedback_org_segment_source_created_idx').on(t.orgId, t.segmentId, t.source, t.createdAt, t.id),
    index('feedback_org_status_idx').on(t.orgId, t.status),
    index('feedback_search_idx').using('gin', t.search),
  ],
);

export const feedbackLinks = pgTable(
  'feedback_links',
  {
    id: id(),
    orgId: orgId(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    importance: smallint('importance').notNull().default(1),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('feedback_links_pair_idx').on(t.feedbackId, t.featureId),
    index('feedback_links_org_feature_idx').on(t.orgId, t.featureId),
  ],
);

export const customFields = pgTable(
  'custom_fields',
  {
    id: id(),
    orgId: orgId(),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('custom_fields_org_entity_key_idx').on(t.orgId, t.entity, t.key)],
);

export const competitors = pgTable(
  'competitors',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    website: text('website').notNull().default(''),
    strengths: text('strengths').notNull().default(''),
    weaknesses: text('weaknesses').notNull().default(''),
    segmentIds: uuid('segment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    productIds: uuid('product_ids').array().notNull().default(sql`'{}'::uuid[]`),
    marketShare: doublePrecision('market_share').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(strengths, '') || ' ' || coalesce(weaknesses, ''))`,
    ),
  },
  (t) => [index('competitors_org_idx').on(t.orgId), index('competitors_search_idx').using('gin', t.search)],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    stage: text('stage').notNull().default('proposed'),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    startPeriod: text('start_period').notNull(),
    costPerPeriod: jsonb('cost_per_period').$type<number[]>().notNull().default([]),
    benefitPerPeriod: jsonb('benefit_per_period').$type<number[]>().notNull().default([]),
    probability: doublePrecision('probability').notNull().default(1),
    costRange: jsonb('cost_range').$type<{ low: number; likely: number; high: number } | null>(),
    benefitRange: jsonb('benefit_range').$type<{ low: number; likely: number; high: number } | null>(),
    demand: jsonb('demand').$type<{ roleId: string; perPeriod: number[] }[]>().notNull().default([]),
    alignment: jsonb('alignment').$type<Record<string, number>>().notNull().default({}),
    requires: uuid('requires').array().notNull().default(sql`'{}'::uuid[]`),
    excludes: uuid('excludes').array().notNull().default(sql`'{}'::uuid[]`),
    mandatory: boolean('mandatory').notNull().default(false),
    custom: custom(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    index('initiatives_org_stage_idx').on(t.orgId, t.stage),
    index('initiatives_search_idx').using('gin', t.search),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('teams_org_idx').on(t.orgId)],
);

export const roles = pgTable(
  'roles',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roles_org_idx').on(t.orgId)],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    roleId: uuid('role_id').references(() => roles.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    fte: doublePrecision('fte').notNull().default(1),
    timeOff: jsonb('time_off').$type<Record<string, number>>().notNull().default({}),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', coalesce(name, ''))`),
  },
  (t) => [index('people_org_team_idx').on(t.orgId, t.teamId)],
);

export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    orgId: orgId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    fte: doublePrecision('fte').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('allocations_org_period_idx').on(t.orgId, t.period)],
);

export const risks = pgTable(
  'risks',
  {
    id: id(),
    orgId: orgId(),
    title: text('title').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    probability: doublePrecision('probability').notNull(),
    impact: doublePrecision('impact').notNull(),
    mitigation: text('mitigation').notNull().default(''),
    owner: text('owner').notNull().default(''),
    status: text('status').notNull().default('open'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(mitigation, ''))`,
    ),
  },
  (t) => [index('risks_org_status_idx').on(t.orgId, t.status)],
);

export const kpis = pgTable(
  'kpis',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    unit: text('unit').notNull().default(''),
    direction: text('direction').notNull().default('higher_is_better'),
    target: doublePrecision('target'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('kpis_org_product_idx').on(t.orgId, t.productId)],
);

export const kpiMeasurements = pgTable(
  'kpi_measurements',
  {
    id: id(),
    orgId: orgId(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('kpi_measurements_kpi_period_idx').on(t.orgId, t.kpiId, t.period)],
);

export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull().default('other'),
    title: text('title').notNull(),
    rationale: text('rationale').notNull(),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    links: jsonb('links').$type<{ type: string; id: string }[]>().notNull().default([]),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(rationale, ''))`,
    ),
  },
  (t) => [
    index('decisions_org_created_idx').on(t.orgId, t.createdAt),
    index('decisions_search_idx').using('gin', t.search),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_org_at_idx').on(t.orgId, t.at),
    index('audit_log_entity_idx').on(t.orgId, t.entityId),
  ],
);

/**
 * Failed sign-ins, for login rate limiting shared by every Sextant process. The email is kept only
 * as a digest: people type passwords into the email field, and those must not sit in a table.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailHash: text('email_hash').notNull(),
    ip: text('ip').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_at_idx').on(t.emailHash, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

/** OpenID Connect single sign-on of an organization (the client secret is never returned by the API). */
export const ssoConfigs = pgTable('sso_configs', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  defaultRole: text('default_role').notNull().default('viewer'),
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
  enabled: boolean('enabled').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Sign-ins in flight at the identity provider: state → PKCE verifier and nonce, single use, short-lived. */
export const ssoLogins = pgTable(
  'sso_logins',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: orgId(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sso_logins_expires_idx').on(t.expiresAt)],
);

/**
 * Key results of a strategic goal, each tied to a KPI: progress runs from `start` to `target`, the current
 * value being the KPI's latest measurement. The optional periods bound the time the goal has to get there.
 */
export const keyResults = pgTable(
  'key_results',
  {
    id: id(),
    orgId: orgId(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    kpiId: uuid('kpi_id').references(() => kpis.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    start: doublePrecision('start').notNull().default(0),
    target: doublePrecision('target').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    startPeriod: text('start_period'),
    duePeriod: text('due_period'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('key_results_org_goal_idx').on(t.orgId, t.goalId)],
);

/**
 * How well one of our products, one of our features, or a competitor covers a segment requirement
 * (the competitive matrix behind the gap analysis), with the evidence for the judgement.
 */
export const requirementCoverage = pgTable(
  'requirement_coverage',
  {
    id: id(),
    orgId: orgId(),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => segmentRequirements.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    featureId: uuid('feature_id').references(() => features.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id').references(() => competitors.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    evidence: text('evidence').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('requirement_coverage_org_requirement_idx').on(t.orgId, t.requirementId)],
);

/**
 * Sessions opened by an organization's single sign-on are confined to that organization: its identity
 * provider vouches for the person only there, not for their memberships elsewhere.
 */
export const ssoSessions = pgTable('sso_sessions', {
  sessionIdHash: text('session_id_hash')
    .primaryKey()
    .references(() => sessions.idHash, { onDelete: 'cascade' }),
  orgId: orgId(),
});

/**
 * Comments on features, initiatives, products, segments, releases and decisions. The markdown is kept as
 * written; `body_html` is its sanitized rendering (what clients show). Earlier bodies stay in `edits`.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    orgId: orgId(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    edits: jsonb('edits').$type<{ body: string; editedAt: string }[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('comments_org_subject_idx').on(t.orgId, t.subjectType, t.subjectId, t.createdAt)],
);

/** Who follows what: watchers are notified of every new comment on the subject. */
export const watchers = pgTable(
  'watchers',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('watchers_subject_user_idx').on(t.orgId, t.subjectType, t.subjectId, t.userId)],
);

/** The in-app notification centre: one row per recipient and event; read when `read_at` is set. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_org_user_idx').on(t.orgId, t.userId, t.createdAt)],
);

/** Per user and organization: whether to send mention emails and the daily digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: boolean('email').notNull().default(true),
    digest: boolean('digest').notNull().default(true),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_preferences_user_idx').on(t.orgId, t.userId)],
);

/** The organization's stage gates, in order, with what each requires and which roles approve it. */
export const gateConfigs = pgTable(
  'gate_configs',
  {
    id: id(),
    orgId: orgId(),
    gates: jsonb('gates')
      .$type<{ key: string; name: string; requiredFields: string[]; approverRoles: string[] }[]>()
      .notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('gate_configs_org_idx').on(t.orgId)],
);

/** Where an initiative stands in the stage-gate process, with every approval, rejection and send-back. */
export const initiativeGates = pgTable(
  'initiative_gates',
  {
    id: id(),
    orgId: orgId(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    currentGate: text('current_gate').notNull(),
    status: text('status').notNull().default('waiting'),
    history: jsonb('history')
      .$type<
        {
          gate: string;
          outcome: string;
          comment: string;
          actorName: string;
          at: string;
          decisionId?: string;
        }[]
      >()
      .notNull()
      .default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('initiative_gates_initiative_idx').on(t.orgId, t.initiativeId)],
);

/** A portfolio review meeting: its generated agenda, minutes, and the decisions taken there. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    orgId: orgId(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    agenda: jsonb('agenda').$type<Record<string, unknown>[]>().notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    decisionIds: uuid('decision_ids').array().notNull().default(sql`'{}'::uuid[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reviews_org_held_idx').on(t.orgId, t.heldOn)],
);

/**
 * A product's positioning and pricing, overall (segment null) or for one segment: statement, value
 * proposition, plans and price points. Earlier versions stay in `history`.
 */
export const productPositioning = pgTable(
  'product_positioning',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull().default(''),
    valueProposition: text('value_proposition').notNull().default(''),
    plans: jsonb('plans')
      .$type<{ name: string; price: number; currency: string; per: string; features: string[] }[]>()
      .notNull()
      .default([]),
    history: jsonb('history').$type<Record<string, unknown>[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('product_positioning_org_product_idx').on(t.orgId, t.productId)],
);

/**
 * Release notes: the base note of a release (segment null) and per-segment variants, in markdown.
 * `published_at` is set when the release is published; only published notes reach the public changelog.
 */
export const releaseNotes = pgTable(
  'release_notes',
  {
    id: id(),
    orgId: orgId(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'cascade' }),
    markdown: text('markdown').notNull().default(''),
    publishedAt: ts('published_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('release_notes_base_idx').on(t.releaseId).where(sql`segment_id IS NULL`),
    uniqueIndex('release_notes_segment_idx').on(t.releaseId, t.segmentId).where(sql`segment_id IS NOT NULL`),
    index('release_notes_org_release_idx').on(t.orgId, t.releaseId),
  ],
);

/**
 * Outbound webhook subscriptions. The secret is kept in clear because it signs every delivery
 * (HMAC needs the key itself); it is shown to the admin once, at creation.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    orgId: orgId(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: text('events').array().notNull().default(sql`'{}'::text[]`),
    format: text('format').notNull().default('json'),
    active: boolean('active').notNull().default(true),
    description: text('description').notNull().default(''),
    /** The last delivery sequence number handed out: deliveries are numbered per subscription. */
    lastSeq: integer('last_seq').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_subscriptions_org_idx').on(t.orgId)],
);

/**
 * The webhook outbox and delivery log: written in the same transaction as the change that caused the
 * event (so an event is never lost and never sent for a rolled-back change), delivered in `seq` order
 * per subscription with exponential backoff.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    orgId: orgId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    seq: integer('seq').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    responseStatus: integer('response_status'),
    deliveredAt: ts('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_sub_seq_idx').on(t.subscriptionId, t.seq),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_org_sub_idx').on(t.orgId, t.subscriptionId, t.createdAt),
  ],
);

/**
 * Saved optimizer scenarios: the constraints as asked, the report the run produced (result,
 * explanations, baseline, totals), and the version of every candidate initiative at run time, so a
 * commit can refuse a scenario whose initiatives changed since. Committed once, by a named actor.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    constraints: jsonb('constraints').$type<Record<string, unknown>>().notNull().default({}),
    report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
    initiativeVersions: jsonb('initiative_versions').$type<Record<string, number>>().notNull().default({}),
    status: text('status').notNull().default('saved'),
    createdBy: text('created_by').notNull().default(''),
    committedAt: ts('committed_at'),
    committedBy: text('committed_by'),
    decisionId: uuid('decision_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('scenarios_org_created_idx').on(t.orgId, t.createdAt)],
);

/**
 * Background jobs (optimizer runs, frontiers, simulations, CSV imports), one queue shared by every
 * Sextant process on the store. A process claims a job with FOR UPDATE SKIP LOCKED and holds it by a
 * lease it renews while working; a job whose lease ran out (its process died) is claimed again, up to
 * max_attempts. `dedupe_key` is unique among the unfinished jobs of an organization.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    input: jsonb('input').$type<unknown>().notNull(),
    result: jsonb('result').$type<unknown>(),
    error: jsonb('error').$type<{ code: string; message: string; details: unknown }>(),
    progress: jsonb('progress')
      .$type<{ done: number; total: number | null; message: string | null }>()
      .notNull()
      .default({ done: 0, total: null, message: null }),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    dedupeKey: text('dedupe_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who submitted it, as the audit trail names actors: the job runs on their behalf. */
    actor: jsonb('actor').$type<Record<string, unknown>>().notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: ts('lease_expires_at'),
    runAfter: ts('run_after').notNull().defaultNow(),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jobs_org_created_idx').on(t.orgId, t.createdAt),
    index('jobs_due_idx').on(t.status, t.runAfter).where(sql`status IN ('queued', 'running')`),
    uniqueIndex('jobs_dedupe_idx')
      .on(t.orgId, t.dedupeKey)
      .where(sql`dedupe_key IS NOT NULL AND status IN ('queued', 'running')`),
  ],
);

/**
 * People who receive a product's release announcements by email. A subscriber with a segment gets that
 * segment's variant of the note where one is written (customers carry no email addresses, so the
 * audience is this explicit list).
 */
export const announcementSubscribers = pgTable(
  'announcement_subscribers',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('announcement_subscribers_product_email_idx').on(t.orgId, t.productId, t.email),
    index('announcement_subscribers_org_product_idx').on(t.orgId, t.productId),
  ],
);

/**
 * The email outbox: a mail is written in the same transaction as the change that causes it and sent
 * by a dispatcher with retries and backoff, like webhook deliveries. `ref` names what the mail is about
 * (e.g. release + recipient) so the same announcement is never queued twice.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    ref: text('ref'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mail_outbox_ref_idx').on(t.orgId, t.ref),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Feedback portals: one per product, or organization-wide (product null), public or for signed-in
 * portal accounts only. The slug names the portal in its public URL, so it is unique across the store.
 */
export const portals = pgTable(
  'portals',
  {
    id: id(),
    orgId: orgId(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    visibility: text('visibility').notNull().default('public'),
    enabled: boolean('enabled').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('portals_slug_idx').on(t.slug), index('portals_org_idx').on(t.orgId)],
);

/**
 * Customers' accounts on a sign-in-only portal: invited by the organization, they set their own
 * password (argon2id). They are not members of the organization and have no access to its API.
 */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    id: id(),
    orgId: orgId(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    passwordHash: text('password_hash'),
    /** SHA-256 of the one-time invitation token; cleared once the password is set. */
    inviteHash: text('invite_hash'),
    inviteExpiresAt: ts('invite_expires_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('portal_accounts_portal_email_idx').on(t.portalId, t.email),
    uniqueIndex('portal_accounts_invite_idx').on(t.inviteHash),
    index('portal_accounts_org_idx').on(t.orgId),
  ],
);

/** Portal sign-in sessions (only the digest of the cookie value is stored), apart from members' sessions. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    orgId: orgId(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('portal_sessions_account_idx').on(t.accountId)],
);

/**
 * Ideas submitted on a portal. `status` is what the portal shows; `featureId` links the idea to the
 * backlog (its votes then count as demand for the feature); `mergedIntoId` marks a duplicate.
 */
export const portalIdeas = pgTable(
  'portal_ideas',
  {
    id: id(),
    orgId: orgId(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    status: text('status').notNull().default('under_review'),
    featureId: uuid('feature_id').references(() => features.id, { onDelete: 'set null' }),
    mergedIntoId: uuid('merged_into_id'),
    authorName: text('author_name').notNull().default(''),
    authorEmail: text('author_email'),
    accountId: uuid('account_id').references(() => portalAccounts.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('portal_ideas_org_portal_idx').on(t.orgId, t.portalId),
    index('portal_ideas_feature_idx').on(t.featureId),
  ],
);

/**
 * One vote per voter per idea. `voterKey` is the identity (a portal account, an email address, or a
 * customer for a proxy vote); every vote has its own feedback item, linked to the idea's feature.
 */
export const portalVotes = pgTable(
  'portal_votes',
  {
    id: id(),
    orgId: orgId(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => portalIdeas.id, { onDelete: 'cascade' }),
    voterKey: text('voter_key').notNull(),
    accountId: uuid('account_id').references(() => portalAccounts.id, { onDelete: 'set null' }),
    email: text('email'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    proxy: boolean('proxy').notNull().default(false),
    feedbackId: uuid('feedback_id').references(() => feedback.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_votes_idea_voter_idx').on(t.ideaId, t.voterKey),
    index('portal_votes_org_idea_idx').on(t.orgId, t.ideaId),
  ],
);

export const portalComments = pgTable(
  'portal_comments',
  {
    id: id(),
    orgId: orgId(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => portalIdeas.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => portalAccounts.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull().default(''),
    authorEmail: text('author_email'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('portal_comments_org_idea_idx').on(t.orgId, t.ideaId, t.createdAt)],
);

/** Recent anonymous writes per client address and portal, for rate limiting submissions. */
export const portalPosts = pgTable(
  'portal_posts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('portal_posts_portal_ip_at_idx').on(t.portalId, t.ip, t.at)],
);
