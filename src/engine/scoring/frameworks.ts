/**
 * The classic feature scoring frameworks, each a one-line formula (sources and scales in docs/scoring.md).
 * Effort-based ratios floor the effort at EFFORT_FLOOR so a zero estimate cannot divide by zero or let an
 * unestimated item jump to the top.
 */

/** Smallest effort (person-weeks) used as a divisor. */
export const EFFORT_FLOOR = 0.1;

const divisor = (effort: number) => Math.max(EFFORT_FLOOR, effort);

/** RICE (Sean McBride, Intercom 2016): reach × impact × confidence ÷ effort. */
export function riceScore(f: { reach: number; impact: number; confidence: number; effort: number }): number {
  return (f.reach * f.impact * f.confidence) / divisor(f.effort);
}

/** Ease on ICE's 1–10 scale from an effort in person-weeks: 10 for ≤ 1 week, 10 ÷ effort beyond. */
export function easeFromEffort(effort: number): number {
  return 10 / Math.max(1, effort);
}

/** ICE (Sean Ellis, GrowthHackers): impact × confidence × ease, each on 1–10 (confidence 0..1 is ×10). */
export function iceScore(f: { impact: number; confidence: number; ease: number }): number {
  return f.impact * (f.confidence * 10) * f.ease;
}

/**
 * WSJF (Reinertsen 2009, SAFe): cost of delay ÷ job size, with cost of delay = business value + time
 * criticality + risk reduction / opportunity enablement, and the job size taken as the effort.
 */
export function wsjfScore(f: {
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  effort: number;
}): number {
  return (f.businessValue + f.timeCriticality + f.riskReduction) / divisor(f.effort);
}

/** Value ÷ effort: business value per person-week. */
export function valueEffortScore(f: { businessValue: number; effort: number }): number {
  return f.businessValue / divisor(f.effort);
}

export type Moscow = 'must' | 'should' | 'could' | 'wont';
export type Kano = 'basic' | 'performance' | 'delighter' | 'indifferent' | 'reverse';

const MOSCOW_ORDER: Record<Moscow, number> = { must: 0, should: 1, could: 2, wont: 3 };

/** Sort key of a MoSCoW label (DSDM, Clegg 1994): must 0 < should 1 < could 2 < won't 3 < unlabelled 4. */
export function moscowOrder(label: Moscow | null | undefined): number {
  return label ? MOSCOW_ORDER[label] : 4;
}

const KANO_MEANING: Record<Kano, string> = {
  basic: 'must-be: expected; absence dissatisfies, presence does not delight',
  performance: 'one-dimensional: satisfaction rises with how well it is done',
  delighter: 'attractive: unexpected; presence delights, absence does not dissatisfy',
  indifferent: 'indifferent: customers do not care either way',
  reverse: 'reverse: some customers are dissatisfied by its presence',
};

/** What a Kano (1984) category means for the customer, for explanations. */
export function kanoMeaning(label: Kano): string {
  return KANO_MEANING[label];
}

/** The inputs every classic framework reads from a feature. */
export interface FrameworkInput {
  reach: number;
  impact: number;
  confidence: number;
  effort: number;
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  /** ICE ease 1–10; derived from the effort when absent. */
  ease?: number;
  moscow?: Moscow | null;
  kano?: Kano | null;
}

export interface FrameworkScores {
  rice: number;
  ice: number;
  wsjf: number;
  costOfDelay: number;
  valueEffort: number;
  moscow: Moscow | null;
  kano: Kano | null;
}

/** All classic framework scores of one feature at once (what the backlog shows side by side). */
export function frameworkScores(f: FrameworkInput): FrameworkScores {
  return {
    rice: riceScore(f),
    ice: iceScore({ impact: f.impact, confidence: f.confidence, ease: f.ease ?? easeFromEffort(f.effort) }),
    wsjf: wsjfScore(f),
    costOfDelay: f.businessValue + f.timeCriticality + f.riskReduction,
    valueEffort: valueEffortScore(f),
    moscow: f.moscow ?? null,
    kano: f.kano ?? null,
  };
}
