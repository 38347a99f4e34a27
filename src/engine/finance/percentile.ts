/**
 * Percentile q ∈ [0,1] of an ascending-sorted array by linear interpolation between closest ranks
 * (h = (n−1)·q, the default of numpy and R type 7), so figures match the numpy baseline.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
