import type { GateField } from '../../domain/entities/gate.ts';

/** The stored facts the gate requirements are checked against. */
export interface GateEvidence {
  description: string;
  custom: Record<string, unknown>;
  costPerPeriod: number[];
  costRange: unknown;
  benefitPerPeriod: number[];
  benefitRange: unknown;
  probability: number;
  demand: { perPeriod: number[] }[];
  riskCount: number;
}

/** A business case is a description of at least this many characters (or a business_case custom field). */
export const BUSINESS_CASE_MIN_CHARS = 50;

const CHECKS: Record<GateField, (e: GateEvidence) => boolean> = {
  businessCase: (e) =>
    e.description.trim().length >= BUSINESS_CASE_MIN_CHARS ||
    (typeof e.custom.business_case === 'string' && e.custom.business_case.trim() !== ''),
  costEstimate: (e) => e.costPerPeriod.some((x) => x !== 0) || e.costRange != null,
  benefitEstimate: (e) => e.benefitPerPeriod.some((x) => x !== 0) || e.benefitRange != null,
  risks: (e) => e.riskCount > 0,
  probability: (e) => e.probability > 0 && e.probability < 1,
  demand: (e) => e.demand.some((d) => d.perPeriod.some((x) => x > 0)),
};

/** What people read in the error: each field in words. */
export const FIELD_LABELS: Record<GateField, string> = {
  businessCase: `business case (a description of ${BUSINESS_CASE_MIN_CHARS}+ characters or the business_case field)`,
  costEstimate: 'cost estimate (cost per period or a cost range)',
  benefitEstimate: 'benefit estimate (benefit per period or a benefit range)',
  risks: 'at least one risk',
  probability: 'probability of success (estimated, below 1)',
  demand: 'people demand per role',
};

/** The required fields the initiative does not satisfy yet, in the gate's order. */
export function missingRequirements(required: readonly GateField[], e: GateEvidence): GateField[] {
  return required.filter((f) => !CHECKS[f](e));
}
