/** Whether more is better (CSAT, NPS, active users, revenue, retention) or less (churn, cost to serve). */
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export type KpiStatus = 'on_track' | 'at_risk' | 'off_track';

/** One measurement of a KPI; `period` is any increasing number (period index or epoch milliseconds). */
export interface KpiMeasurement {
  period: number;
  value: number;
}

export interface KpiDefinition {
  id: string;
  direction: KpiDirection;
  target: number;
  /** Starting value; when given, attainment is the share of the way from baseline to target. */
  baseline?: number | null;
}

export interface KpiAttainmentOptions {
  /** Measurements used for the trend (default the last 6). */
  trendWindow?: number;
  /** Attainment at or above which the KPI is on track (default 0.95). */
  onTrack?: number;
  /** Attainment at or above which the KPI is at risk rather than off track (default 0.8). */
  atRisk?: number;
  /** Attainment above which a favourable trend lifts off_track to at_risk (default 0.5). */
  rescuedByTrend?: number;
}

export interface KpiAttainment {
  kpiId: string;
  /** Value of the latest measurement; null without measurements. */
  current: number | null;
  /** 1 = target met; capped to [−2, 2] so one outlier cannot dominate a roll-up. */
  attainment: number | null;
  /** Least-squares slope per period unit over the window, divided by |mean| (relative change per period). */
  trend: number | null;
  /** trend signed so that > 0 is good for this KPI's direction. */
  directionalTrend: number | null;
  status: KpiStatus | null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The latest measurement (largest period), or null. */
export function latestMeasurement(measurements: readonly KpiMeasurement[]): KpiMeasurement | null {
  let best: KpiMeasurement | null = null;
  for (const m of measurements) if (best === null || m.period >= best.period) best = m;
  return best;
}

/**
 * Least-squares slope of value on period, normalized by |mean value|: the relative change per period.
 * Null with fewer than 2 distinct periods or a zero mean.
 */
export function normalizedTrend(measurements: readonly KpiMeasurement[]): number | null {
  const n = measurements.length;
  if (n < 2) return null;
  const mx = measurements.reduce((s, m) => s + m.period, 0) / n;
  const my = measurements.reduce((s, m) => s + m.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const m of measurements) {
    sxy += (m.period - mx) * (m.value - my);
    sxx += (m.period - mx) ** 2;
  }
  if (sxx === 0 || my === 0) return null;
  return sxy / sxx / Math.abs(my);
}

/** Attainment of `current` against the target, respecting the KPI's direction (see KpiAttainment). */
export function attainmentOf(def: KpiDefinition, current: number): number {
  const { target, baseline } = def;
  if (baseline !== undefined && baseline !== null && baseline !== target) {
    return clamp((current - baseline) / (target - baseline), -2, 2);
  }
  const met = def.direction === 'higher_is_better' ? current >= target : current <= target;
  // The ratio form needs a positive target; otherwise (NPS target 0, say) it is met or not.
  if (target <= 0) return met ? 1 : 0;
  if (def.direction === 'higher_is_better') return clamp(current / target, -2, 2);
  return current <= 0 ? 2 : clamp(target / current, -2, 2);
}

/**
 * Attainment, trend and status of one product KPI from its measurements. Status: on_track when attainment
 * ≥ onTrack; at_risk when ≥ atRisk, or ≥ rescuedByTrend with a favourable trend; off_track otherwise.
 */
export function kpiAttainment(
  def: KpiDefinition,
  measurements: readonly KpiMeasurement[],
  options: KpiAttainmentOptions = {},
): KpiAttainment {
  const sorted = [...measurements].sort((a, b) => a.period - b.period);
  const latest = sorted.at(-1);
  if (!latest) {
    return {
      kpiId: def.id,
      current: null,
      attainment: null,
      trend: null,
      directionalTrend: null,
      status: null,
    };
  }
  const trend = normalizedTrend(sorted.slice(-(options.trendWindow ?? 6)));
  const directionalTrend = trend === null ? null : def.direction === 'higher_is_better' ? trend : -trend;
  const attainment = attainmentOf(def, latest.value);
  let status: KpiStatus;
  if (attainment >= (options.onTrack ?? 0.95)) status = 'on_track';
  else if (
    attainment >= (options.atRisk ?? 0.8) ||
    (attainment >= (options.rescuedByTrend ?? 0.5) && directionalTrend !== null && directionalTrend > 0)
  )
    status = 'at_risk';
  else status = 'off_track';
  return { kpiId: def.id, current: latest.value, attainment, trend, directionalTrend, status };
}
