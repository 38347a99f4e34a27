import type { SimulationModel } from './simulationModel.ts';
import { seedXoshiro128 } from './xoshiro128.ts';

/** The raw output of one block of trials: each trial's portfolio value and per-item moment sums. */
export interface SimulationChunk {
  /** Portfolio value of each trial in the block. */
  values: Float64Array;
  /** Per item: Σ (contribution − expectedContribution) over the block's trials. */
  itemShiftedSum: Float64Array;
  /** Per item: Σ (contribution − expectedContribution)² over the block's trials. */
  itemShiftedSumSq: Float64Array;
}

/**
 * Simulates `trials` trials of block `chunkIndex` with the generator stream (seed, chunkIndex). Blocks are
 * independent, so they can run on any number of threads and still give the same numbers. The loop runs
 * items-outer / trials-inner over a Float64Array: three uniforms per item per trial (cost, benefit,
 * success), triangular by inverse CDF, the per-period benefit drawn once per trial and multiplied by the
 * item's annuity factor, zero benefit when the Bernoulli(p) success draw fails.
 */
export function simulateChunk(
  model: SimulationModel,
  seed: number,
  chunkIndex: number,
  trials: number,
): SimulationChunk {
  const nItems = model.ids.length;
  const values = new Float64Array(trials);
  const itemShiftedSum = new Float64Array(nItems);
  const itemShiftedSumSq = new Float64Array(nItems);
  const state = seedXoshiro128(seed, chunkIndex);
  // Generator state in locals, inlined: bulk generation without a buffer round trip is the hot path.
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  const scale = 2 ** -32;
  for (let i = 0; i < nItems; i++) {
    const p = model.probability[i];
    const dc = model.costDiscount[i];
    const annuity = model.benefitAnnuity[i];
    const cLow = model.costLow[i];
    const cHigh = model.costHigh[i];
    const cSplit = model.costSplit[i];
    const cKLow = model.costKLow[i];
    const cKHigh = model.costKHigh[i];
    const bLow = model.benefitLow[i];
    const bHigh = model.benefitHigh[i];
    const bSplit = model.benefitSplit[i];
    const bKLow = model.benefitKLow[i];
    const bKHigh = model.benefitKHigh[i];
    const mu = model.expectedContribution[i];
    let s = 0;
    let ss = 0;
    for (let j = 0; j < trials; j++) {
      // Three xoshiro128** steps: cost uniform, benefit uniform, success uniform (in that order).
      let m = Math.imul(s1, 5);
      const uc = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * scale;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const ub = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * scale;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const us = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * scale;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);

      const cost = uc < cSplit ? cLow + Math.sqrt(uc * cKLow) : cHigh - Math.sqrt((1 - uc) * cKHigh);
      let c = -cost * dc;
      if (us < p) {
        const benefit = ub < bSplit ? bLow + Math.sqrt(ub * bKLow) : bHigh - Math.sqrt((1 - ub) * bKHigh);
        c += benefit * annuity;
      }
      values[j] += c;
      const dev = c - mu;
      s += dev;
      ss += dev * dev;
    }
    itemShiftedSum[i] = s;
    itemShiftedSumSq[i] = ss;
  }
  return { values, itemShiftedSum, itemShiftedSumSq };
}
