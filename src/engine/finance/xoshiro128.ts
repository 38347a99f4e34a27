/**
 * xoshiro128** (Blackman & Vigna, 2018): a small, fast, statistically strong 32-bit generator whose state
 * is four uint32 words. Seeded through splitmix32 so any integer seed (and a stream number) gives a
 * well-mixed, reproducible state.
 */
export type Xoshiro128State = Uint32Array;

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator state from a seed (any safe integer) and an independent stream number (e.g. a chunk index). */
export function seedXoshiro128(seed: number, stream = 0): Xoshiro128State {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x100000000) >>> 0;
  const state = new Uint32Array(4);
  let x = splitmix32(lo ^ splitmix32(hi ^ splitmix32(stream)));
  for (let i = 0; i < 4; i++) {
    x = splitmix32(x + i);
    state[i] = x;
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/** Next uint32 output; advances `state` in place. */
export function nextUint32(state: Xoshiro128State): number {
  const s0 = state[0];
  const s1 = state[1];
  const s2 = state[2];
  const s3 = state[3];
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = (n3 << 11) | (n3 >>> 21);
  state[0] = n0;
  state[1] = n1;
  state[2] = n2;
  state[3] = n3;
  return result;
}

/**
 * Fills `out` with uniforms in [0, 1) (32-bit resolution) and advances `state`. The loop keeps the state in
 * locals, which is what makes bulk generation fast compared with one call per number.
 */
export function fillUniform(state: Xoshiro128State, out: Float64Array): void {
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  const scale = 2 ** -32;
  for (let i = 0; i < out.length; i++) {
    const m = Math.imul(s1, 5);
    out[i] = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * scale;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
