import { describe, expect, it } from 'vitest';
import type { PriorityResult } from '../../engine/scoring/portfolioPriority.ts';
import { applyManualRanks } from './featureRanking.ts';

/** A result with features 0..n−1 in `order`, the last `parked` of them parked. */
function result(order: number[], parked: number[] = []): PriorityResult {
  const n = order.length;
  const p = new Uint8Array(n);
  for (const f of parked) p[f] = 1;
  const rank = new Int32Array(n);
  order.forEach((f, k) => {
    if (!p[f]) rank[f] = k + 1;
  });
  const zeros = () => new Float64Array(n);
  return {
    impact: zeros(),
    demandRaw: zeros(),
    demand: zeros(),
    customers: new Int32Array(n),
    boost: zeros().fill(1),
    score: zeros(),
    topImpact: zeros(),
    parked: p,
    rank,
    order: Int32Array.from(order),
  };
}

describe('applyManualRanks', () => {
  it('leaves the order alone without manual ranks', () => {
    const r = applyManualRanks(result([2, 0, 1, 3]), [null, null, null, null]);
    expect(Array.from(r.order)).toEqual([2, 0, 1, 3]);
    expect(r.ranked).toBe(4);
  });

  it('moves a pinned feature to its rank; the others keep their order around it', () => {
    // Computed order 0,1,2,3,4; feature 4 pinned at 1, feature 0 pinned at 3.
    const r = applyManualRanks(result([0, 1, 2, 3, 4]), [3, null, null, null, 1]);
    expect(Array.from(r.order)).toEqual([4, 1, 0, 2, 3]);
    expect(Array.from(r.rank)).toEqual([3, 2, 4, 5, 1]);
  });

  it('a rank past the end places the feature last among the ranked; parked features stay parked and last', () => {
    // Features 3 and 4 are parked; feature 3's manual rank has no effect.
    const r = applyManualRanks(result([0, 1, 2, 3, 4], [3, 4]), [99, null, null, 1, null]);
    expect(r.ranked).toBe(3);
    expect(Array.from(r.order)).toEqual([1, 2, 0, 3, 4]);
    expect(r.rank[3]).toBe(0);
    expect(r.rank[0]).toBe(3);
  });

  it('equal manual ranks keep their computed order', () => {
    const r = applyManualRanks(result([0, 1, 2]), [null, 1, 1]);
    expect(Array.from(r.order)).toEqual([1, 2, 0]);
  });
});
