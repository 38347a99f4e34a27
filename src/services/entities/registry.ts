import type { z } from 'zod';
import { CompetitorCreate, CompetitorUpdate } from '../../domain/entities/competitor.ts';
import { CustomFieldCreate, CustomFieldUpdate } from '../../domain/entities/customField.ts';
import { DecisionCreate } from '../../domain/entities/decision.ts';
import { FeatureCreate, FeatureUpdate } from '../../domain/entities/feature.ts';
import {
  CustomerCreate,
  CustomerUpdate,
  FeedbackCreate,
  FeedbackLinkCreate,
  FeedbackLinkUpdate,
  FeedbackUpdate,
} from '../../domain/entities/feedback.ts';
import { GoalCreate, GoalUpdate } from '../../domain/entities/goal.ts';
import { InitiativeCreate, InitiativeUpdate } from '../../domain/entities/initiative.ts';
import {
  KpiCreate,
  KpiMeasurementCreate,
  KpiMeasurementUpdate,
  KpiUpdate,
} from '../../domain/entities/kpi.ts';
import {
  ComponentCreate,
  ComponentUpdate,
  ProductCreate,
  ProductFinancialCreate,
  ProductFinancialUpdate,
  ProductLineCreate,
  ProductLineUpdate,
  ProductUpdate,
} from '../../domain/entities/product.ts';
import { ReleaseCreate, ReleaseUpdate } from '../../domain/entities/release.ts';
import {
  AllocationCreate,
  AllocationUpdate,
  PersonCreate,
  PersonUpdate,
  RoleCreate,
  RoleUpdate,
  TeamCreate,
  TeamUpdate,
} from '../../domain/entities/resources.ts';
import { RiskCreate, RiskUpdate } from '../../domain/entities/risk.ts';
import {
  SegmentCreate,
  SegmentRequirementCreate,
  SegmentRequirementUpdate,
  SegmentUpdate,
} from '../../domain/entities/segment.ts';
import type { Action } from '../../domain/policy.ts';
import * as t from '../../store/schema.ts';
import type { EntityDefinition, Reference } from './entityDefinition.ts';

type In = Record<string, unknown>;
const one =
  (field: string) =>
  (r: In): string[] =>
    typeof r[field] === 'string' ? [r[field] as string] : [];
const many =
  (field: string) =>
  (r: In): string[] =>
    Array.isArray(r[field]) ? (r[field] as string[]) : [];
const nested =
  (field: string, key: string) =>
  (r: In): string[] =>
    Array.isArray(r[field]) ? (r[field] as In[]).map((x) => x[key] as string) : [];
const keys =
  (field: string) =>
  (r: In): string[] =>
    r[field] && typeof r[field] === 'object' ? Object.keys(r[field] as object) : [];

const ref = (field: string, table: Reference['table'], label: string, ids = one(field)): Reference => ({
  field,
  table,
  label,
  ids,
});

const portfolio = {
  create: 'portfolio.write',
  update: 'portfolio.write',
  delete: 'portfolio.write',
} as const;
const productWrite = { create: 'product.write', update: 'product.write', delete: 'product.write' } as const;
const riskAction = (r: In): Action => (r.initiativeId ? 'portfolio.write' : 'product.write');

const schema = <T>(s: z.ZodType<T>) => s as unknown as z.ZodType<Record<string, unknown>>;
const BASE_SORTS = ['createdAt', 'updatedAt'] as const;

/** Every organization-owned entity exposed through the generic CRUD API. */
export const ENTITIES: readonly EntityDefinition[] = [
  {
    name: 'goals',
    label: 'goal',
    table: t.goals,
    create: schema(GoalCreate),
    update: schema(GoalUpdate),
    deletable: true,
    references: [],
    filters: [],
    sorts: [...BASE_SORTS, 'name', 'weight'],
    defaultSort: 'createdAt',
    searchable: false,
    action: portfolio,
  },
  {
    name: 'segments',
    label: 'segment',
    table: t.segments,
    create: schema(SegmentCreate),
    update: schema(SegmentUpdate),
    deletable: true,
    references: [ref('goalFit', t.goals, 'goal', keys('goalFit'))],
    filters: [],
    sorts: [...BASE_SORTS, 'name', 'marketSize'],
    defaultSort: 'createdAt',
    searchable: true,
    action: portfolio,
  },
  {
    name: 'segment-requirements',
    label: 'segment requirement',
    table: t.segmentRequirements,
    create: schema(SegmentRequirementCreate),
    update: schema(SegmentRequirementUpdate),
    deletable: true,
    references: [ref('segmentId', t.segments, 'segment')],
    filters: ['segmentId', 'importance'],
    sorts: [...BASE_SORTS, 'importance'],
    defaultSort: 'createdAt',
    searchable: true,
    action: portfolio,
  },
  {
    name: 'product-lines',
    label: 'product line',
    table: t.productLines,
    create: schema(ProductLineCreate),
    update: schema(ProductLineUpdate),
    deletable: true,
    references: [],
    filters: [],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: false,
    action: portfolio,
  },
  {
    name: 'products',
    label: 'product',
    table: t.products,
    create: schema(ProductCreate),
    update: schema(ProductUpdate),
    deletable: true,
    references: [
      ref('productLineId', t.productLines, 'product line'),
      ref('segments', t.segments, 'segment', nested('segments', 'segmentId')),
    ],
    filters: ['productLineId', 'ownerId', 'lifecycleStage', 'investmentDecision', 'slug'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: true,
    customFields: 'product',
    action: { create: 'product.admin', update: 'product.write', delete: 'product.admin' },
    ownership: { kind: 'self' },
  },
  {
    name: 'product-financials',
    label: 'product financial',
    table: t.productFinancials,
    create: schema(ProductFinancialCreate),
    update: schema(ProductFinancialUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product')],
    filters: ['productId', 'period'],
    sorts: [...BASE_SORTS, 'period'],
    defaultSort: 'period',
    searchable: false,
    action: productWrite,
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'components',
    label: 'component',
    table: t.components,
    create: schema(ComponentCreate),
    update: schema(ComponentUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product')],
    filters: ['productId'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: false,
    action: productWrite,
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'releases',
    label: 'release',
    table: t.releases,
    create: schema(ReleaseCreate),
    update: schema(ReleaseUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product')],
    filters: ['productId', 'status'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: true,
    action: productWrite,
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'features',
    label: 'feature',
    table: t.features,
    create: schema(FeatureCreate),
    update: schema(FeatureUpdate),
    deletable: true,
    references: [
      ref('productId', t.products, 'product'),
      ref('componentId', t.components, 'component'),
      ref('releaseId', t.releases, 'release'),
      ref('segmentImpacts', t.segments, 'segment', nested('segmentImpacts', 'segmentId')),
      ref('effortByRole', t.roles, 'role', keys('effortByRole')),
    ],
    filters: ['productId', 'componentId', 'releaseId', 'status', 'scope', 'moscow', 'kano'],
    sorts: [...BASE_SORTS, 'title', 'effort', 'reach', 'businessValue'],
    defaultSort: 'createdAt',
    searchable: true,
    customFields: 'feature',
    action: productWrite,
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'customers',
    label: 'customer',
    table: t.customers,
    create: schema(CustomerCreate),
    update: schema(CustomerUpdate),
    deletable: true,
    references: [ref('segmentId', t.segments, 'segment')],
    filters: ['segmentId'],
    sorts: [...BASE_SORTS, 'name', 'annualRevenue'],
    defaultSort: 'createdAt',
    searchable: true,
    action: { create: 'feedback.triage', update: 'feedback.triage', delete: 'portfolio.write' },
  },
  {
    name: 'feedback',
    label: 'feedback item',
    table: t.feedback,
    create: schema(FeedbackCreate),
    update: schema(FeedbackUpdate),
    deletable: true,
    references: [ref('customerId', t.customers, 'customer'), ref('segmentId', t.segments, 'segment')],
    filters: ['customerId', 'segmentId', 'source', 'status'],
    sorts: [...BASE_SORTS],
    defaultSort: 'createdAt',
    searchable: true,
    action: { create: 'feedback.create', update: 'feedback.triage', delete: 'feedback.triage' },
  },
  {
    name: 'feedback-links',
    label: 'feedback link',
    table: t.feedbackLinks,
    create: schema(FeedbackLinkCreate),
    update: schema(FeedbackLinkUpdate),
    deletable: true,
    references: [ref('feedbackId', t.feedback, 'feedback item'), ref('featureId', t.features, 'feature')],
    filters: ['feedbackId', 'featureId', 'importance'],
    sorts: [...BASE_SORTS, 'importance'],
    defaultSort: 'createdAt',
    searchable: false,
    action: productWrite,
    ownership: { kind: 'via', column: 'featureId', table: t.features, productColumn: 'productId' },
  },
  {
    name: 'custom-fields',
    label: 'custom field',
    table: t.customFields,
    create: schema(CustomFieldCreate),
    update: schema(CustomFieldUpdate),
    deletable: true,
    references: [],
    filters: ['entity', 'type'],
    sorts: [...BASE_SORTS, 'key'],
    defaultSort: 'createdAt',
    searchable: false,
    action: { create: 'admin', update: 'admin', delete: 'admin' },
  },
  {
    name: 'competitors',
    label: 'competitor',
    table: t.competitors,
    create: schema(CompetitorCreate),
    update: schema(CompetitorUpdate),
    deletable: true,
    references: [
      ref('segmentIds', t.segments, 'segment', many('segmentIds')),
      ref('productIds', t.products, 'product', many('productIds')),
    ],
    filters: [],
    sorts: [...BASE_SORTS, 'name', 'marketShare'],
    defaultSort: 'createdAt',
    searchable: true,
    action: portfolio,
  },
  {
    name: 'initiatives',
    label: 'initiative',
    table: t.initiatives,
    create: schema(InitiativeCreate),
    update: schema(InitiativeUpdate),
    deletable: true,
    references: [
      ref('productId', t.products, 'product'),
      ref('segmentId', t.segments, 'segment'),
      ref('alignment', t.goals, 'goal', keys('alignment')),
      ref('demand', t.roles, 'role', nested('demand', 'roleId')),
      ref('requires', t.initiatives, 'initiative', many('requires')),
      ref('excludes', t.initiatives, 'initiative', many('excludes')),
    ],
    filters: ['stage', 'kind', 'productId', 'segmentId', 'mandatory', 'startPeriod'],
    sorts: [...BASE_SORTS, 'name', 'probability', 'startPeriod'],
    defaultSort: 'createdAt',
    searchable: true,
    customFields: 'initiative',
    action: portfolio,
  },
  {
    name: 'teams',
    label: 'team',
    table: t.teams,
    create: schema(TeamCreate),
    update: schema(TeamUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product')],
    filters: ['productId'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: false,
    action: portfolio,
  },
  {
    name: 'roles',
    label: 'role',
    table: t.roles,
    create: schema(RoleCreate),
    update: schema(RoleUpdate),
    deletable: true,
    references: [],
    filters: [],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: false,
    action: portfolio,
  },
  {
    name: 'people',
    label: 'person',
    table: t.people,
    create: schema(PersonCreate),
    update: schema(PersonUpdate),
    deletable: true,
    references: [ref('teamId', t.teams, 'team'), ref('roleId', t.roles, 'role')],
    filters: ['teamId', 'roleId'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: true,
    action: portfolio,
  },
  {
    name: 'allocations',
    label: 'allocation',
    table: t.allocations,
    create: schema(AllocationCreate),
    update: schema(AllocationUpdate),
    deletable: true,
    references: [
      ref('personId', t.people, 'person'),
      ref('productId', t.products, 'product'),
      ref('initiativeId', t.initiatives, 'initiative'),
    ],
    filters: ['personId', 'productId', 'initiativeId', 'period'],
    sorts: [...BASE_SORTS, 'period'],
    defaultSort: 'createdAt',
    searchable: false,
    action: portfolio,
  },
  {
    name: 'risks',
    label: 'risk',
    table: t.risks,
    create: schema(RiskCreate),
    update: schema(RiskUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product'), ref('initiativeId', t.initiatives, 'initiative')],
    filters: ['productId', 'initiativeId', 'status'],
    sorts: [...BASE_SORTS, 'probability', 'impact'],
    defaultSort: 'createdAt',
    searchable: true,
    action: { create: riskAction, update: riskAction, delete: riskAction },
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'kpis',
    label: 'KPI',
    table: t.kpis,
    create: schema(KpiCreate),
    update: schema(KpiUpdate),
    deletable: true,
    references: [ref('productId', t.products, 'product')],
    filters: ['productId', 'kind'],
    sorts: [...BASE_SORTS, 'name'],
    defaultSort: 'createdAt',
    searchable: false,
    action: {
      create: (r) => (r.productId ? 'product.write' : 'portfolio.write'),
      update: (r) => (r.productId ? 'product.write' : 'portfolio.write'),
      delete: (r) => (r.productId ? 'product.write' : 'portfolio.write'),
    },
    ownership: { kind: 'column', column: 'productId' },
  },
  {
    name: 'kpi-measurements',
    label: 'KPI measurement',
    table: t.kpiMeasurements,
    create: schema(KpiMeasurementCreate),
    update: schema(KpiMeasurementUpdate),
    deletable: true,
    references: [ref('kpiId', t.kpis, 'KPI')],
    filters: ['kpiId', 'period'],
    sorts: [...BASE_SORTS, 'period'],
    defaultSort: 'period',
    searchable: false,
    action: productWrite,
    ownership: { kind: 'via', column: 'kpiId', table: t.kpis, productColumn: 'productId' },
  },
  {
    name: 'decisions',
    label: 'decision',
    table: t.decisions,
    create: schema(DecisionCreate),
    update: null,
    deletable: false,
    references: [],
    filters: ['kind', 'subjectType', 'subjectId'],
    sorts: [...BASE_SORTS],
    defaultSort: 'createdAt',
    searchable: true,
    action: { create: 'decision.write', update: 'decision.write', delete: 'decision.write' },
  },
];

export const ENTITY_BY_NAME: ReadonlyMap<string, EntityDefinition> = new Map(
  ENTITIES.map((e) => [e.name, e]),
);

export function entity(name: string): EntityDefinition {
  const def = ENTITY_BY_NAME.get(name);
  if (!def) throw new Error(`unknown entity ${name}`);
  return def;
}
