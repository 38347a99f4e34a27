import { describe, expect, it } from 'vitest';
import { type RiskItem, riskExposure } from './riskExposure.ts';
import { impactBin, probabilityBin, riskHeatMap } from './riskHeatMap.ts';

const risks: RiskItem[] = [
  { id: 'r1', productId: 'P1', initiativeId: 'I1', probability: 0.5, impact: 100, status: 'open' },
  { id: 'r2', productId: 'P1', probability: 0.1, impact: 1000, status: 'mitigating' },
  { id: 'r3', initiativeId: 'I2', probability: 0.9, impact: 20, status: 'open' },
  { id: 'r4', productId: 'P2', probability: 1, impact: 5000, status: 'closed' },
];

describe('riskExposure', () => {
  it('multiplies probability by impact and sums open risks per product, initiative and portfolio', () => {
    const r = riskExposure(risks);
    expect(r.byRisk.map((x) => x.exposure)).toEqual([50, 100, 18, 5000]);
    expect(r.byRisk.map((x) => x.open)).toEqual([true, true, true, false]);
    expect(r.byProduct).toEqual({ P1: 150 });
    expect(r.byInitiative).toEqual({ I1: 50, I2: 18 });
    expect(r.portfolio).toBe(168);
    expect(r.openCount).toBe(3);
  });

  it('is zero for an empty register', () => {
    expect(riskExposure([]).portfolio).toBe(0);
  });
});

describe('riskHeatMap', () => {
  it('bins probability by fifths and impact scores by rounding', () => {
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map(probabilityBin)).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect([0, 1, 2.4, 2.6, 5, 9].map((x) => impactBin(x, null))).toEqual([1, 1, 2, 3, 5, 5]);
    expect([10, 20, 21, 80, 81].map((x) => impactBin(x, [20, 40, 60, 80]))).toEqual([1, 1, 2, 4, 5]);
  });

  it('places open risks in money bins at 20 % steps of the largest open impact', () => {
    const map = riskHeatMap(risks);
    expect(map.moneyThresholds).toEqual([200, 400, 600, 800]);
    expect(map.cells).toHaveLength(25);
    const occupied = map.cells.filter((c) => c.count > 0);
    // r1: p 0.5 → 3, 100 → 1; r2: p 0.1 → 1, 1000 → 5; r3: p 0.9 → 5, 20 → 1; r4 closed.
    expect(occupied.map((c) => [c.probabilityBin, c.impactBin, c.riskIds])).toEqual([
      [5, 1, ['r3']],
      [3, 1, ['r1']],
      [1, 5, ['r2']],
    ]);
    expect(map.cells[0]).toMatchObject({ probabilityBin: 5, impactBin: 1 });
    expect(map.cells.reduce((s, c) => s + c.exposure, 0)).toBe(168);
  });

  it('uses given thresholds or a 1..5 score scale', () => {
    const scored = riskHeatMap([{ id: 'a', probability: 0.3, impact: 4, status: 'open' }], {
      impactScale: 'score',
    });
    expect(scored.moneyThresholds).toBeNull();
    expect(scored.cells.find((c) => c.count === 1)).toMatchObject({ probabilityBin: 2, impactBin: 4 });
    const fixed = riskHeatMap(risks, { moneyThresholds: [10, 50, 100, 500] });
    expect(fixed.cells.find((c) => c.riskIds.includes('r1'))?.impactBin).toBe(3);
  });
});
