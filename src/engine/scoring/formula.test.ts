import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, formulaVariables, parseFormula } from './formula.ts';

const run = (src: string, vars: Record<string, number> = {}) =>
  evaluateFormula(parseFormula(src), (n) => vars[n]);

describe('formula language', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['10 - 4 - 3', 3],
    ['12 / 3 / 2', 2],
    ['6 × 7 ÷ 3 − 4', 10],
    ['min(3, 1, 2) + max(3, 1, 2)', 4],
    ['sqrt(16) + abs(-3) + log(1)', 7],
    ['1.5e1 + .5', 15.5],
    ['--3', 3],
  ])('%s = %d', (src, expected) => {
    expect(run(src)).toBeCloseTo(expected, 12);
  });

  it('reads fields by name', () => {
    expect(
      run('reach * impact * confidence / effort', { reach: 150, impact: 1, confidence: 0.8, effort: 0.5 }),
    ).toBeCloseTo(240, 12);
    expect(formulaVariables(parseFormula('a + b * a + max(c, 1)'))).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['1 +', /unexpected end of formula at character 4/],
    ['foo(1)', /unknown function "foo" at character 1/],
    ['sqrt(1, 2)', /sqrt takes 1 argument, got 2/],
    ['1 ; 2', /unexpected character ";" at character 3/],
    ['(1 + 2', /expected "\)"/],
    ['1 2', /unexpected text after the formula/],
    ['constructor.prototype', /unexpected character "\."/],
  ])('refuses %s with its position', (src, message) => {
    expect(() => parseFormula(src)).toThrow(FormulaError);
    expect(() => parseFormula(src)).toThrow(message);
  });

  it('throws on an unknown field at evaluation', () => {
    expect(() => run('x + 1')).toThrow(/unknown field "x"/);
  });

  it('agrees with JavaScript arithmetic on random + − × ÷ expressions (brute-force oracle)', () => {
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 0, max: 20 }).map(String),
        fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        // The oracle: the same fully parenthesized text evaluated by JavaScript's own arithmetic.
        const expected = Function(`return ${src}`)() as number;
        const got = run(src);
        if (Number.isNaN(expected)) expect(got).toBeNaN();
        else expect(got).toBe(expected);
      }),
    );
  });
});
