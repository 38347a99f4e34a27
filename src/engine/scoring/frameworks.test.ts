import { describe, expect, it } from 'vitest';
import {
  easeFromEffort,
  frameworkScores,
  iceScore,
  kanoMeaning,
  moscowOrder,
  riceScore,
  valueEffortScore,
  wsjfScore,
} from './frameworks.ts';

describe('classic frameworks, by hand', () => {
  it('RICE: Intercom’s example — 150 customers × impact 1 × 80 % ÷ 0.5 = 240', () => {
    expect(riceScore({ reach: 150, impact: 1, confidence: 0.8, effort: 0.5 })).toBeCloseTo(240, 12);
  });

  it('RICE floors effort at 0.1 so a zero estimate cannot divide by zero', () => {
    expect(riceScore({ reach: 10, impact: 2, confidence: 0.5, effort: 0 })).toBeCloseTo(100, 12);
  });

  it('ICE: 8 × (0.7 × 10) × 5 = 280; ease from effort is 10 ÷ effort, 10 up to one week', () => {
    expect(iceScore({ impact: 8, confidence: 0.7, ease: 5 })).toBeCloseTo(280, 12);
    expect(easeFromEffort(0.5)).toBe(10);
    expect(easeFromEffort(4)).toBe(2.5);
  });

  it('WSJF: (8 + 5 + 3) ÷ 4 = 4', () => {
    expect(wsjfScore({ businessValue: 8, timeCriticality: 5, riskReduction: 3, effort: 4 })).toBe(4);
  });

  it('value ÷ effort: 30 ÷ 6 = 5', () => {
    expect(valueEffortScore({ businessValue: 30, effort: 6 })).toBe(5);
  });

  it('MoSCoW sorts must < should < could < won’t < unlabelled; Kano labels have a meaning', () => {
    expect(['could', null, 'must', 'wont', 'should'].map((l) => moscowOrder(l as never))).toEqual([
      2, 4, 0, 3, 1,
    ]);
    expect(kanoMeaning('delighter')).toMatch(/delights/);
  });

  it('frameworkScores puts all of them side by side', () => {
    expect(
      frameworkScores({
        reach: 100,
        impact: 2,
        confidence: 0.5,
        effort: 2,
        businessValue: 10,
        timeCriticality: 4,
        riskReduction: 2,
        moscow: 'should',
        kano: null,
      }),
    ).toEqual({
      rice: 50,
      ice: 2 * 5 * 5,
      wsjf: 8,
      costOfDelay: 16,
      valueEffort: 5,
      moscow: 'should',
      kano: null,
    });
  });
});
