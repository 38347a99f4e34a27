import { describe, expect, it } from 'vitest';
import { ahpProblemSchema } from '../domain/ahpProblem.ts';
import { DomainError } from '../domain/errors.ts';
import { computeAhp } from './ahp.ts';

describe('computeAhp', () => {
  it('weights by item name: "A is 4 times B" gives 0.8 and 0.2', () => {
    const problem = ahpProblemSchema.parse({
      items: ['A', 'B'],
      matrix: [
        [1, 4],
        ['1/4', 1],
      ],
    });
    const r = computeAhp(problem);
    expect(r.weights).toEqual({ A: expect.closeTo(0.8, 12), B: expect.closeTo(0.2, 12) });
  });

  it('maps a refused matrix to unprocessable with the pair in the details, a malformed one to invalid_input', () => {
    const inconsistent = ahpProblemSchema.parse({
      items: ['A', 'B', 'C'],
      matrix: [
        [1, 6, 8],
        ['1/6', 1, 4],
        ['1/8', '1/4', 1],
      ],
    });
    expect(() => computeAhp(inconsistent)).toThrow(DomainError);
    try {
      computeAhp(inconsistent);
    } catch (err) {
      const e = err as DomainError;
      expect(e.code).toBe('unprocessable');
      expect(e.details).toMatchObject({
        consistencyRatio: expect.closeTo(0.1169, 4),
        pair: { itemI: 'A', itemJ: 'C' },
      });
    }
    const malformed = ahpProblemSchema.parse({
      items: ['A', 'B'],
      matrix: [
        [2, 1],
        [1, 1],
      ],
    });
    expect(() => computeAhp(malformed)).toThrow(/diagonal entry \[1\]\[1\] must be 1/);
  });
});
