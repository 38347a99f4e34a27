import type { CompiledSchedule } from './compileSchedule.ts';

/** Tolerance for fractional capacities (FTE): 1e-9 units never count as an overload. */
export const CAPACITY_EPSILON = 1e-9;

/**
 * Resource usage per period, one growable Float64Array per resource, with the two searches the
 * schedule-generation schemes need: earliest feasible start at or after a time, latest at or before.
 */
export class ResourceProfile {
  private usage: Float64Array[];
  private highWater: Int32Array;
  /** Set by earliestStart when it fails: the resource that can never hold the item. */
  blockingResource = -1;

  constructor(private readonly c: CompiledSchedule) {
    this.usage = c.capacity.map((cap) => new Float64Array(Math.max(16, cap.length)));
    this.highWater = new Int32Array(c.resourceIds.length);
  }

  /** Empties the profile (only the part that was used). */
  reset(): void {
    for (let r = 0; r < this.usage.length; r++) {
      if (this.highWater[r] > 0) this.usage[r].fill(0, 0, this.highWater[r]);
      this.highWater[r] = 0;
    }
  }

  /** Adds (sign 1) or removes (sign -1) item i's demand over [start, start + duration). */
  apply(i: number, start: number, sign: 1 | -1): void {
    const d = this.c.duration[i];
    const rs = this.c.demandResource[i];
    const as = this.c.demandAmount[i];
    const end = start + d;
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      let u = this.usage[r];
      if (end > u.length) {
        const grown = new Float64Array(Math.max(end, u.length * 2));
        grown.set(u);
        this.usage[r] = grown;
        u = grown;
      }
      const a = sign * as[k];
      for (let t = start; t < end; t++) u[t] += a;
      if (end > this.highWater[r]) this.highWater[r] = end;
    }
  }

  /** Units of resource r in use in period t. */
  used(r: number, t: number): number {
    const u = this.usage[r];
    return t < u.length ? u[t] : 0;
  }

  /**
   * The first period p in [t, t + d) where item i does not fit, searching from the end when
   * `latest` is true (for forward jumps) or from the start otherwise; -1 when it fits everywhere.
   * `conflictResource` tells which resource was short.
   */
  conflict(i: number, t: number, latest: boolean): number {
    const d = this.c.duration[i];
    const rs = this.c.demandResource[i];
    const as = this.c.demandAmount[i];
    let found = -1;
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      const u = this.usage[r];
      const cap = this.c.capacity[r];
      const tail = this.c.capacityTail[r];
      const need = as[k] - CAPACITY_EPSILON;
      if (latest) {
        for (let p = t + d - 1; p >= t && p > found; p--) {
          const free = (p < cap.length ? cap[p] : tail) - (p < u.length ? u[p] : 0);
          if (free < need) {
            found = p;
            this.conflictResource = r;
            break;
          }
        }
      } else {
        const stop = found < 0 ? t + d : found;
        for (let p = t; p < stop; p++) {
          const free = (p < cap.length ? cap[p] : tail) - (p < u.length ? u[p] : 0);
          if (free < need) {
            found = p;
            this.conflictResource = r;
            break;
          }
        }
      }
    }
    return found;
  }

  conflictResource = -1;

  /** Earliest start ≥ lo where item i fits, or -1 if it never fits (its demand exceeds the lasting capacity). */
  earliestStart(i: number, lo: number): number {
    let t = lo;
    for (;;) {
      const p = this.conflict(i, t, true);
      if (p < 0) return t;
      const r = this.conflictResource;
      // Past the capacity array and past all usage nothing changes any more: it can never fit.
      if (p >= this.c.capacity[r].length && p >= this.highWater[r]) {
        this.blockingResource = r;
        return -1;
      }
      t = p + 1;
    }
  }

  /** Latest start in [lo, hi] where item i fits; `lo` must be known to fit (its current place). */
  latestStart(i: number, lo: number, hi: number): number {
    const d = this.c.duration[i];
    let t = hi;
    while (t > lo) {
      const p = this.conflict(i, t, false);
      if (p < 0) return t;
      t = p - d;
    }
    return lo;
  }
}
