import type { ReactNode } from 'react';

/** One headline figure on a dashboard. */
export function StatTile({
  label,
  value,
  detail,
  trend,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** A small chart under the figure (e.g. a Sparkline of its quarters). */
  trend?: ReactNode;
}) {
  return (
    <div className="stat-tile">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {trend && <div className="stat-trend">{trend}</div>}
      {detail && <div className="stat-detail muted">{detail}</div>}
    </div>
  );
}
