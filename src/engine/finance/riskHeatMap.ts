import { isOpenRisk, type RiskItem } from './riskExposure.ts';

export interface HeatMapCell {
  /** 1 (rare) .. 5 (almost certain). */
  probabilityBin: number;
  /** 1 (minor) .. 5 (severe). */
  impactBin: number;
  count: number;
  riskIds: string[];
  /** Σ probability × impact of the risks in the cell. */
  exposure: number;
}

export interface RiskHeatMapOptions {
  /**
   * 'score': impact is already a 1..5 score (rounded, clamped). 'money' (default): impact is an amount,
   * binned by `moneyThresholds`.
   */
  impactScale?: 'score' | 'money';
  /**
   * Four ascending upper bounds of impact bins 1..4 for money impacts (bin 5 is above the last).
   * Default: 20/40/60/80 % of the largest open impact.
   */
  moneyThresholds?: readonly [number, number, number, number];
}

export interface RiskHeatMap {
  /** 25 cells, row-major: probability bin 5 (top row) down to 1, impact bin 1..5 left to right. */
  cells: HeatMapCell[];
  moneyThresholds: [number, number, number, number] | null;
}

/** Probability 0..1 → bin 1..5 by fifths: [0, .2) → 1, [.2, .4) → 2, …, [.8, 1] → 5. */
export function probabilityBin(probability: number): number {
  return Math.min(5, Math.max(1, Math.floor(probability * 5) + 1));
}

/** Impact → bin 1..5: a score is rounded and clamped; money goes to the first bin whose bound it does not exceed. */
export function impactBin(impact: number, thresholds: readonly number[] | null): number {
  if (thresholds === null) return Math.min(5, Math.max(1, Math.round(impact)));
  for (let k = 0; k < 4; k++) if (impact <= thresholds[k]) return k + 1;
  return 5;
}

/** Places open risks on a 5 × 5 probability × impact grid, with counts, ids and exposure per cell. */
export function riskHeatMap(risks: readonly RiskItem[], options: RiskHeatMapOptions = {}): RiskHeatMap {
  const open = risks.filter(isOpenRisk);
  let thresholds: [number, number, number, number] | null = null;
  if ((options.impactScale ?? 'money') === 'money') {
    const maxImpact = open.reduce((m, r) => Math.max(m, r.impact), 0);
    thresholds = options.moneyThresholds
      ? [...options.moneyThresholds]
      : [0.2 * maxImpact, 0.4 * maxImpact, 0.6 * maxImpact, 0.8 * maxImpact];
  }
  const cells: HeatMapCell[] = [];
  for (let p = 5; p >= 1; p--) {
    for (let i = 1; i <= 5; i++)
      cells.push({ probabilityBin: p, impactBin: i, count: 0, riskIds: [], exposure: 0 });
  }
  for (const r of open) {
    const p = probabilityBin(r.probability);
    const i = impactBin(r.impact, thresholds);
    const cell = cells[(5 - p) * 5 + (i - 1)];
    cell.count++;
    cell.riskIds.push(r.id);
    cell.exposure += r.probability * r.impact;
  }
  return { cells, moneyThresholds: thresholds };
}
