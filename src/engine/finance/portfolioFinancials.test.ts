import { describe, expect, it } from 'vitest';
import { financialSummary } from './financialSummary.ts';
import { portfolioFinancials, sumSeries } from './portfolioFinancials.ts';

describe('financialSummary', () => {
  it('gives every figure of the hand example −100, +60, +60 at 10 %', () => {
    const s = financialSummary({ cost: [100, 0, 0], benefit: [0, 60, 60] }, 0.1);
    expect(s.netCashFlow).toEqual([-100, 60, 60]);
    expect(s.cumulativeCashFlow).toEqual([-100, -40, 20]);
    expect(s.totalCost).toBe(100);
    expect(s.totalBenefit).toBe(120);
    expect(s.npv).toBeCloseTo(4.1322, 4);
    expect(s.roi).toBeCloseTo(0.2, 12);
    expect(s.discountedRoi).toBeCloseTo(0.041322, 6);
    expect(s.paybackPeriod).toBeCloseTo(5 / 3, 12);
    expect(s.discountedPaybackPeriod).toBeCloseTo(1 + 60.5 / 66, 12);
    expect(s.irr).toBeCloseTo(0.130662, 6);
  });
});

describe('portfolioFinancials', () => {
  it('rolls initiatives up into products and the portfolio, period by period', () => {
    const result = portfolioFinancials(
      [
        { id: 'a', productId: 'P', cost: [100], benefit: [0, 60, 60] },
        { id: 'b', productId: 'P', cost: [0, 50], benefit: [0, 0, 80] },
        { id: 'c', productId: null, cost: [10], benefit: [0, 11] },
      ],
      0.1,
    );
    expect(Object.keys(result.initiatives).sort()).toEqual(['a', 'b', 'c']);
    expect(result.products.P.netCashFlow).toEqual([-100, 10, 140]);
    expect(result.products.P.npv).toBeCloseTo(-100 + 10 / 1.1 + 140 / 1.21, 10);
    expect(Object.keys(result.products)).toEqual(['P']);
    expect(result.portfolio.netCashFlow).toEqual([-110, 21, 140]);
    // NPV is linear: the portfolio NPV is the sum of the initiative NPVs.
    const sum = ['a', 'b', 'c'].reduce((s, id) => s + result.initiatives[id].npv, 0);
    expect(result.portfolio.npv).toBeCloseTo(sum, 10);
  });

  it('sumSeries pads shorter series with zeros', () => {
    expect(
      sumSeries([
        { cost: [1], benefit: [] },
        { cost: [0, 2], benefit: [3] },
      ]),
    ).toEqual({
      cost: [1, 2],
      benefit: [3, 0],
    });
  });
});
