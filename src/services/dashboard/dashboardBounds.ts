import { DomainError } from '../../domain/errors.ts';

/** How many points each matrix of the dashboard shows unless the caller asks for more. */
export const DEFAULT_TOP = 50;
/** The most points a caller may ask for per matrix: beyond that a chart is unreadable anyway. */
export const MAX_TOP = 1000;

export const BUBBLE_ORDERS = ['expectedValue', 'exposure', 'cost'] as const;
export type BubbleOrder = (typeof BUBBLE_ORDERS)[number];

export interface DashboardBounds {
  /** Points per matrix (risk × value bubbles, BCG products, GE-McKinsey segments and products). */
  top: number;
  /** Which initiatives the risk × value chart shows: the largest by this measure. */
  bubblesBy: BubbleOrder;
}

const bad = (path: string, message: string): never => {
  throw new DomainError('invalid_input', `${path}: ${message}`, { issues: [{ path: [path], message }] });
};

/** `?top=&bubblesBy=` of GET /dashboard/portfolio, checked. */
export function dashboardBounds(query: Record<string, string | undefined>): DashboardBounds {
  let top = DEFAULT_TOP;
  if (query.top !== undefined) {
    top = /^\d{1,5}$/.test(query.top) ? Number(query.top) : Number.NaN;
    if (!(top >= 1 && top <= MAX_TOP)) bad('top', `must be a whole number from 1 to ${MAX_TOP}`);
  }
  const by = query.bubblesBy ?? 'expectedValue';
  if (!(BUBBLE_ORDERS as readonly string[]).includes(by))
    bad('bubblesBy', `must be one of ${BUBBLE_ORDERS.join(', ')}`);
  return { top, bubblesBy: by as BubbleOrder };
}

/**
 * The `n` rows with the largest `measure`, largest first; ties in id order so the cut is the same on
 * every call. Absolute size is not used: a large negative expected value is a point too, but the chart
 * shows what is worth most (or most exposed, or costs most) first.
 */
export function largest<T>(
  rows: readonly T[],
  n: number,
  measure: (r: T) => number,
  id: (r: T) => string,
): T[] {
  return [...rows]
    .sort((a, b) => measure(b) - measure(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0))
    .slice(0, n);
}

/** Count of rows per key, every key of `keys` present (zero when none). */
export function countBy<T, K extends string>(
  rows: readonly T[],
  keys: readonly K[],
  keyOf: (r: T) => K,
): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) out[keyOf(r)] += 1;
  return out;
}
