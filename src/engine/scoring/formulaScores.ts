import { evaluateFormula, type FormulaNode, formulaVariables, parseFormula } from './formula.ts';
import { frameworkScores, type Kano, type Moscow } from './frameworks.ts';

/** A score formula defined by the organization (e.g. "value * confidence / effort + 0.5 * strategic_fit"). */
export interface FormulaDefinition {
  expression: string;
  /**
   * Per-field treatment: `normalize: 'minmax'` rescales the field to 0..1 across the features scored
   * together (one product's backlog); `weight` (signed, default 1) multiplies the field's value before the
   * formula sees it. Fields not listed are taken as is with weight 1.
   */
  inputs?: Record<string, { normalize?: 'minmax' | 'none'; weight?: number }>;
}

export type FieldValue = number | string | readonly string[] | null | undefined;

/** One feature as the formula sees it: field key → value (built-in fields and custom fields together). */
export interface FormulaFeature {
  id: string;
  fields: Readonly<Record<string, FieldValue>>;
}

export interface FormulaInputBreakdown {
  name: string;
  /** The stored value as a number (null when missing or not numeric). */
  raw: number | null;
  /** After normalization (0 when missing). */
  normalized: number;
  weight: number;
  /** normalized × weight: what the formula used. */
  value: number;
}

export interface FormulaScore {
  featureId: string;
  /** null when the formula is not a finite number for this feature (e.g. division by zero). */
  score: number | null;
  inputs: FormulaInputBreakdown[];
  /** Fields this feature has no numeric value for (used as 0). */
  missing: string[];
  error?: string;
}

/** Built-in numeric fields every feature has, in the formula's lower_snake_case names. */
export const BUILTIN_FORMULA_FIELDS = [
  'reach',
  'impact',
  'confidence',
  'effort',
  'business_value',
  'time_criticality',
  'risk_reduction',
  'rice',
  'ice',
  'wsjf',
  'cost_of_delay',
  'value_effort',
  'moscow',
  'kano',
] as const;

const MOSCOW_VALUE: Record<Moscow, number> = { must: 3, should: 2, could: 1, wont: 0 };
const KANO_VALUE: Record<Kano, number> = {
  basic: 3,
  performance: 2,
  delighter: 2,
  indifferent: 0,
  reverse: -1,
};

/**
 * The fields a formula can read for a stored feature: the built-ins (including the framework scores, MoSCoW
 * as must 3 … won't 0, Kano basic 3, performance/delighter 2, indifferent 0, reverse −1) and its custom
 * fields (custom keys never shadow built-ins).
 */
export function featureFormulaFields(f: {
  reach: number;
  impact: number;
  confidence: number;
  effort: number;
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  moscow?: Moscow | null;
  kano?: Kano | null;
  custom?: Readonly<Record<string, FieldValue>>;
}): Record<string, FieldValue> {
  // A custom numeric `ease` field (ICE's 1–10) wins over the ease derived from the effort.
  const ease = typeof f.custom?.ease === 'number' ? f.custom.ease : undefined;
  const s = frameworkScores({ ...f, ease });
  return {
    ...(f.custom ?? {}),
    reach: f.reach,
    impact: f.impact,
    confidence: f.confidence,
    effort: f.effort,
    business_value: f.businessValue,
    time_criticality: f.timeCriticality,
    risk_reduction: f.riskReduction,
    rice: s.rice,
    ice: s.ice,
    wsjf: s.wsjf,
    cost_of_delay: s.costOfDelay,
    value_effort: s.valueEffort,
    moscow: f.moscow ? MOSCOW_VALUE[f.moscow] : null,
    kano: f.kano ? KANO_VALUE[f.kano] : null,
  };
}

/** A numeric reading of a field: numbers as is, multi-selects as their count, anything else missing. */
function numeric(v: FieldValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.length;
  return null;
}

/**
 * Checks a formula definition once (parse, known fields, finite weights) and returns its tree; throws
 * FormulaError or RangeError with a message fit for the user.
 */
export function compileFormula(def: FormulaDefinition, knownFields?: Iterable<string>): FormulaNode {
  const tree = parseFormula(def.expression);
  if (knownFields) {
    const known = new Set(knownFields);
    for (const name of formulaVariables(tree)) {
      if (!known.has(name)) throw new RangeError(`the formula uses "${name}", which is not a field`);
    }
  }
  for (const [name, spec] of Object.entries(def.inputs ?? {})) {
    if (spec.weight !== undefined && !Number.isFinite(spec.weight)) {
      throw new RangeError(`the weight of "${name}" must be a finite number`);
    }
  }
  return tree;
}

/**
 * Scores features with an organization formula, each input normalized across the given features or taken
 * as is and multiplied by its signed weight; returns every feature's score with the inputs that made it.
 * Min-max normalization maps the smallest value to 0 and the largest to 1 (all equal: 0.5).
 */
export function scoreByFormula(
  def: FormulaDefinition,
  features: readonly FormulaFeature[],
  knownFields?: Iterable<string>,
): FormulaScore[] {
  const tree = compileFormula(def, knownFields);
  const names = formulaVariables(tree);
  const raws = names.map((name) => features.map((f) => numeric(f.fields[name])));
  const scale = names.map((name, k) => {
    const spec = def.inputs?.[name];
    if (spec?.normalize !== 'minmax') return { lo: 0, span: 1, minmax: false };
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of raws[k]) {
      if (v === null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return { lo, span: hi - lo, minmax: true };
  });
  return features.map((f, row) => {
    const missing: string[] = [];
    const inputs: FormulaInputBreakdown[] = names.map((name, k) => {
      const raw = raws[k][row];
      if (raw === null) missing.push(name);
      const s = scale[k];
      let normalized = raw ?? 0;
      if (raw !== null && s.minmax) normalized = s.span > 0 ? (raw - s.lo) / s.span : 0.5;
      const weight = def.inputs?.[name]?.weight ?? 1;
      return { name, raw, normalized, weight, value: normalized * weight };
    });
    const values = new Map(inputs.map((i) => [i.name, i.value]));
    const score = evaluateFormula(tree, (name) => values.get(name));
    if (!Number.isFinite(score)) {
      return {
        featureId: f.id,
        score: null,
        inputs,
        missing,
        error: `the formula gives ${score} for this feature`,
      };
    }
    return { featureId: f.id, score, inputs, missing };
  });
}
