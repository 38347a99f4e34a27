import { describe, expect, it } from 'vitest';
import { fillUniform, nextUint32, seedXoshiro128 } from './xoshiro128.ts';

/** Reference xoshiro128** written independently with BigInt arithmetic mod 2^32. */
function referenceOutputs(seed: [number, number, number, number], count: number): number[] {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const s = seed.map(BigInt);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1] * 5n) & M, 7n) * 9n) & M));
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('xoshiro128**', () => {
  it('starts 11520, 0 from state (1,2,3,4) as the published algorithm does', () => {
    const state = new Uint32Array([1, 2, 3, 4]);
    expect(nextUint32(state)).toBe(11520); // rotl(2·5, 7)·9
    expect(nextUint32(state)).toBe(0);
  });

  it('matches an independent BigInt implementation for 1000 outputs', () => {
    const seed: [number, number, number, number] = [0x12345678, 0x9abcdef0, 0xdeadbeef, 0x0badf00d];
    const state = new Uint32Array(seed);
    const ours = Array.from({ length: 1000 }, () => nextUint32(state));
    expect(ours).toEqual(referenceOutputs(seed, 1000));
  });

  it('fillUniform gives the same stream scaled to [0, 1)', () => {
    const a = seedXoshiro128(42);
    const b = seedXoshiro128(42);
    const out = new Float64Array(500);
    fillUniform(a, out);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBe(nextUint32(b) / 2 ** 32);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('is reproducible per (seed, stream) and differs across seeds and streams', () => {
    expect(Array.from(seedXoshiro128(7, 3))).toEqual(Array.from(seedXoshiro128(7, 3)));
    expect(Array.from(seedXoshiro128(7, 3))).not.toEqual(Array.from(seedXoshiro128(7, 4)));
    expect(Array.from(seedXoshiro128(7))).not.toEqual(Array.from(seedXoshiro128(8)));
    expect(Array.from(seedXoshiro128(2 ** 40))).not.toEqual(Array.from(seedXoshiro128(0)));
  });

  it('produces uniforms with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const out = new Float64Array(200_000);
    fillUniform(seedXoshiro128(1), out);
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    const variance = out.reduce((a, b) => a + (b - mean) ** 2, 0) / out.length;
    // standard error of the mean: √(1/12 / 200000) ≈ 0.00065
    expect(Math.abs(mean - 0.5)).toBeLessThan(3 * 0.00065);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
  });
});
