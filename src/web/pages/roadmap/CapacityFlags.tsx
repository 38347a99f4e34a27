import { fmtNumber } from '../../format/format.ts';
import type { CapacityWarning } from './useCapacityWarnings.ts';

/** The over-allocated roles of one quarter, worst first (three shown, the rest counted). */
export function CapacityFlags({ warnings }: { warnings: CapacityWarning[] | undefined }) {
  if (!warnings || warnings.length === 0) return <span className="muted small">within capacity</span>;
  return (
    <ul className="capacity-flags" aria-label="Over-allocated roles">
      {warnings.slice(0, 3).map((w) => (
        <li key={w.name} title={`over by ${fmtNumber(w.over)} FTE`}>
          <span aria-hidden="true">⚠</span> {w.name} {Math.round(w.utilization)}%
        </li>
      ))}
      {warnings.length > 3 && <li>+{warnings.length - 3} more</li>}
    </ul>
  );
}
