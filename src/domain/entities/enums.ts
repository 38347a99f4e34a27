/** The closed vocabularies of the domain, as string-literal tuples (usable by zod and by types). */
export const LIFECYCLE_STAGES = [
  'ideation',
  'development',
  'launch',
  'growth',
  'maturity',
  'decline',
  'retired',
] as const;
export const INVESTMENT_DECISIONS = ['invest', 'maintain', 'retire'] as const;
export const FEATURE_STATUSES = [
  'idea',
  'parking_lot',
  'planned',
  'in_progress',
  'shipped',
  'rejected',
] as const;
export const FEATURE_SCOPES = ['base', 'segment_specific'] as const;
export const MOSCOW = ['must', 'should', 'could', 'wont'] as const;
export const KANO = ['basic', 'performance', 'delighter', 'indifferent', 'reverse'] as const;
export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export const FEEDBACK_SOURCES = [
  'sales',
  'support',
  'portal',
  'import',
  'interview',
  'survey',
  'other',
] as const;
export const FEEDBACK_STATUSES = ['new', 'triaged', 'archived'] as const;
export const CUSTOM_FIELD_ENTITIES = ['feature', 'initiative', 'product'] as const;
export const CUSTOM_FIELD_TYPES = ['number', 'text', 'single_select', 'multi_select', 'date'] as const;
export const RELEASE_STATUSES = ['planned', 'in_progress', 'released', 'cancelled'] as const;
export const INITIATIVE_KINDS = [
  'new_product',
  'enhancement',
  'acquisition',
  'platform',
  'compliance',
] as const;
export const INITIATIVE_STAGES = ['proposed', 'approved', 'active', 'on_hold', 'done', 'cancelled'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'closed'] as const;
export const KPI_KINDS = ['csat', 'nps', 'active_users', 'revenue', 'retention', 'custom'] as const;
export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export const DECISION_KINDS = [
  'investment',
  'segment_override',
  'rank_override',
  'parking_lot',
  'scenario_commit',
  'gate',
  'pricing',
  'other',
] as const;
export const ROLES = ['admin', 'portfolio_manager', 'product_manager', 'contributor', 'viewer'] as const;

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];
export type Role = (typeof ROLES)[number];
