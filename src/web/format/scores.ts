import type { Feature } from '../api/types.ts';

/**
 * RICE = reach × impact × confidence ÷ effort, and WSJF = (business value + time criticality +
 * risk reduction) ÷ effort (job size). Computed in the browser for display until the ranking API
 * serves the organization's own scores. Zero effort counts as the smallest job (0.1 person-weeks).
 */
export function rice(f: Pick<Feature, 'reach' | 'impact' | 'confidence' | 'effort'>): number {
  return (f.reach * f.impact * f.confidence) / Math.max(f.effort, 0.1);
}

export function wsjf(
  f: Pick<Feature, 'businessValue' | 'timeCriticality' | 'riskReduction' | 'effort'>,
): number {
  return (f.businessValue + f.timeCriticality + f.riskReduction) / Math.max(f.effort, 0.1);
}
