import type { z } from 'zod';
import type { CompetitorCreate } from '../../domain/entities/competitor.ts';
import type { DecisionCreate } from '../../domain/entities/decision.ts';
import type { Role } from '../../domain/entities/enums.ts';
import type { FeatureCreate } from '../../domain/entities/feature.ts';
import type { CustomerCreate, FeedbackCreate, FeedbackLinkCreate } from '../../domain/entities/feedback.ts';
import type { GoalCreate } from '../../domain/entities/goal.ts';
import type { InitiativeCreate } from '../../domain/entities/initiative.ts';
import type { KpiCreate, KpiMeasurementCreate } from '../../domain/entities/kpi.ts';
import type { ProductCreate, ProductFinancialCreate } from '../../domain/entities/product.ts';
import type { ReleaseCreate } from '../../domain/entities/release.ts';
import type { RiskCreate } from '../../domain/entities/risk.ts';
import type { SegmentCreate, SegmentRequirementCreate } from '../../domain/entities/segment.ts';

/** Columns every stored row has. */
export interface Row {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Stored<S extends z.ZodType> = z.output<S> & Row;

export type Product = Stored<typeof ProductCreate>;
export type ProductFinancial = Stored<typeof ProductFinancialCreate>;
export type Segment = Stored<typeof SegmentCreate>;
export type SegmentRequirement = Stored<typeof SegmentRequirementCreate>;
export type Feature = Stored<typeof FeatureCreate>;
export type Customer = Stored<typeof CustomerCreate>;
export type Feedback = Stored<typeof FeedbackCreate>;
export type FeedbackLink = Stored<typeof FeedbackLinkCreate>;
export type Goal = Stored<typeof GoalCreate>;
export type Initiative = Stored<typeof InitiativeCreate>;
export type Kpi = Stored<typeof KpiCreate>;
export type KpiMeasurement = Stored<typeof KpiMeasurementCreate>;
export type Release = Stored<typeof ReleaseCreate>;
export type Risk = Stored<typeof RiskCreate>;
export type Competitor = Stored<typeof CompetitorCreate>;
export type Decision = Stored<typeof DecisionCreate> & {
  data: Record<string, unknown>;
  actorType: string;
  actorName: string;
};
export interface ProductLine extends Row {
  name: string;
  description: string;
}

export type { Role };

export interface Membership {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; via: string };
  orgId: string;
  role: Role;
  organizations: Membership[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  id: string;
  token: string;
  name: string;
  scope: string;
  expiresAt: string;
}
