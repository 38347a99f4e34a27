import { describe, expect, it } from 'vitest';
import { BUILTIN_FORMULA_FIELDS, featureFormulaFields, scoreByFormula } from './formulaScores.ts';

const features = [
  { id: 'a', fields: { value: 10, cost: 2, tags: ['x', 'y'], note: 'n/a' } },
  { id: 'b', fields: { value: 30, cost: 4, tags: [] } },
  { id: 'c', fields: { value: 20, cost: null, tags: ['x'] } },
];

describe('scoreByFormula', () => {
  it('takes inputs as is by default', () => {
    const r = scoreByFormula({ expression: 'value / 10 + tags' }, features);
    expect(r.map((x) => x.score)).toEqual([3, 3, 3]);
  });

  it('min-max normalizes across the features and applies signed weights', () => {
    // value: 10, 30, 20 → 0, 1, 0.5; cost: 2, 4, missing → 0, 1, 0 (missing counts 0), weight −0.5.
    const r = scoreByFormula(
      {
        expression: 'value + cost',
        inputs: { value: { normalize: 'minmax', weight: 2 }, cost: { normalize: 'minmax', weight: -0.5 } },
      },
      features,
    );
    expect(r.map((x) => x.score)).toEqual([0, 1.5, 1]);
    expect(r[2].missing).toEqual(['cost']);
    expect(r[1].inputs).toEqual([
      { name: 'value', raw: 30, normalized: 1, weight: 2, value: 2 },
      { name: 'cost', raw: 4, normalized: 1, weight: -0.5, value: -0.5 },
    ]);
  });

  it('reports a non-finite result instead of ranking it', () => {
    const r = scoreByFormula({ expression: 'value / cost' }, features);
    expect(r[0].score).toBe(5);
    expect(r[2]).toMatchObject({ score: null, error: 'the formula gives Infinity for this feature' });
  });

  it('refuses unknown fields when the known fields are given', () => {
    expect(() => scoreByFormula({ expression: 'valeu * 2' }, features, ['value'])).toThrow(
      /"valeu", which is not a field/,
    );
  });

  it('normalizes to 0.5 when every value is equal', () => {
    const r = scoreByFormula({ expression: 'k', inputs: { k: { normalize: 'minmax' } } }, [
      { id: 'x', fields: { k: 3 } },
      { id: 'y', fields: { k: 3 } },
    ]);
    expect(r.map((x) => x.score)).toEqual([0.5, 0.5]);
  });

  it('exposes built-in fields and framework scores of a stored feature, custom fields beside them', () => {
    const fields = featureFormulaFields({
      reach: 100,
      impact: 2,
      confidence: 0.5,
      effort: 2,
      businessValue: 10,
      timeCriticality: 4,
      riskReduction: 2,
      moscow: 'must',
      kano: 'reverse',
      custom: { strategic_fit: 3, reach: 999 },
    });
    expect(fields).toMatchObject({ rice: 50, wsjf: 8, moscow: 3, kano: -1, strategic_fit: 3, reach: 100 });
    // ICE with ease from effort 2: 2 × 5 × 5 = 50; with a custom ease of 8: 2 × 5 × 8 = 80.
    expect(fields.ice).toBe(50);
    expect(
      featureFormulaFields({
        reach: 1,
        impact: 2,
        confidence: 0.5,
        effort: 2,
        businessValue: 0,
        timeCriticality: 0,
        riskReduction: 0,
        custom: { ease: 8 },
      }).ice,
    ).toBe(80);
    const [score] = scoreByFormula(
      { expression: 'rice * strategic_fit' },
      [{ id: 'f', fields }],
      [...BUILTIN_FORMULA_FIELDS, 'strategic_fit'],
    );
    expect(score.score).toBe(150);
  });
});
