import { npv } from './npv.ts';

export interface IrrOptions {
  /** Lowest rate searched (default −0.99: a near-total loss). */
  minRate?: number;
  /** Highest rate searched (default 100 = 10,000 % per period). */
  maxRate?: number;
  /** Absolute tolerance on the rate (default 1e-10). */
  tolerance?: number;
}

/**
 * Internal rate of return: the rate at which NPV = 0, found by a bracketed bisection so it always
 * converges. The rate axis is scanned from `minRate` upwards on a geometric grid and the first bracket
 * with a sign change is refined, so with several roots (non-conventional flows) the lowest is returned.
 * Returns null when NPV never changes sign in the range (e.g. all flows of one sign).
 */
export function irr(cashFlows: readonly number[], options: IrrOptions = {}): number | null {
  const minRate = options.minRate ?? -0.99;
  const maxRate = options.maxRate ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (cashFlows.length < 2) return null;

  // Grid dense near 0 where real-world IRRs live, geometric beyond: 1+r spaced by 2 % steps.
  let lo = minRate;
  let fLo = npv(cashFlows, lo);
  if (fLo === 0) return lo;
  while (lo < maxRate) {
    const hi = Math.min(maxRate, (1 + lo) * 1.02 - 1 + 1e-4);
    const fHi = npv(cashFlows, hi);
    if (fHi === 0) return hi;
    if (Math.sign(fHi) !== Math.sign(fLo)) return bisect(cashFlows, lo, hi, fLo, tolerance);
    lo = hi;
    fLo = fHi;
  }
  return null;
}

function bisect(
  cashFlows: readonly number[],
  lo: number,
  hi: number,
  fLo: number,
  tolerance: number,
): number {
  for (let i = 0; i < 200 && hi - lo > tolerance; i++) {
    const mid = (lo + hi) / 2;
    const fMid = npv(cashFlows, mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}
