/** Equal-width histogram: `edges` has bins + 1 entries from min to max; the last bin includes max. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** Bins `values` into `bins` equal-width bins between their min and max (one bin if all are equal). */
export function histogram(values: ArrayLike<number>, bins = 40): Histogram {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return { edges: [], counts: [] };
  if (min === max) return { edges: [min, max], counts: [values.length] };
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor((values[i] - min) / width));
    counts[b]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : min + k * width));
  return { edges, counts };
}
