import type { ReactNode } from 'react';
import type { Roadmap, RoadmapItem } from '../../api/analytics.ts';
import { Tag } from '../../components/Tag.tsx';
import { CapacityFlags } from './CapacityFlags.tsx';
import { lateText } from './RoadmapItemLine.tsx';
import type { CapacityWarning } from './useCapacityWarnings.ts';

/** Cells of one row: empty quarters, the bar over the quarters the item runs, empty quarters after. */
function rowCells(item: RoadmapItem, columns: number): ReactNode[] {
  const quarters = columns - 1; // the last column is "Later"
  const start = Math.min(item.start ?? 0, quarters);
  const end = Math.min(Math.max(item.end ?? 0, (item.start ?? 0) + 1), quarters);
  const span = start >= quarters ? 1 : end - start + ((item.end ?? 0) > quarters ? 1 : 0);
  const cells: ReactNode[] = [];
  for (let k = 0; k < start; k++) cells.push(<td key={k} />);
  const tone = item.late ? 'bar-late' : item.kind === 'initiative' ? 'bar-initiative' : 'bar-feature';
  cells.push(
    <td key="bar" colSpan={span} className="timeline-bar-cell">
      <span className={`timeline-bar ${tone}`} title={lateText(item) || undefined}>
        {item.startPeriod === item.endPeriod ? item.startPeriod : `${item.startPeriod}–${item.endPeriod}`}
        {item.late && <span className="visually-hidden"> ({lateText(item)})</span>}
      </span>
    </td>,
  );
  for (let k = start + span; k < columns; k++) cells.push(<td key={k} />);
  return cells;
}

/**
 * A page of the roadmap as a timeline by quarter: a bar per feature or initiative over the quarters it
 * runs, grouped by product, under each quarter's releases and over-allocated roles (for the whole
 * scope, whichever page is shown).
 */
export function RoadmapTimeline({
  roadmap: r,
  warnings,
}: {
  roadmap: Roadmap;
  warnings: Map<string, CapacityWarning[]>;
}) {
  const columns = r.periods.length + 1;
  const groups = new Map<string, RoadmapItem[]>();
  for (const item of [...r.items].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0) || a.name.localeCompare(b.name),
  )) {
    const key = item.productName ?? 'Across the portfolio';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const quarter = new Map(r.quarters.map((q) => [q.period, q]));
  return (
    <div className="timeline-scroll">
      <table className="table timeline" data-testid="timeline">
        <caption className="visually-hidden">
          Roadmap of {r.scope.name} by quarter, with releases and capacity warnings
        </caption>
        <colgroup>
          <col className="timeline-name-col" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {r.periods.map((p) => (
              <th key={p} scope="col" className={warnings.get(p)?.length ? 'timeline-over' : undefined}>
                {p}
                {p === r.currentPeriod && <div className="muted">now</div>}
              </th>
            ))}
            <th scope="col">Later</th>
          </tr>
          <tr className="timeline-capacity">
            <th scope="row">Capacity</th>
            {r.periods.map((p) => (
              <td key={p}>
                <CapacityFlags warnings={warnings.get(p)} />
              </td>
            ))}
            <td />
          </tr>
          <tr className="timeline-releases">
            <th scope="row">Releases</th>
            {r.periods.map((p) => (
              <td key={p}>
                {(quarter.get(p)?.milestones ?? []).map((m) => (
                  <div key={m.id}>
                    <span aria-hidden="true">◆</span> {m.name}
                  </div>
                ))}
                {(quarter.get(p)?.releases ?? 0) > (quarter.get(p)?.milestones.length ?? 0) && (
                  <div>+{quarter.get(p)!.releases - quarter.get(p)!.milestones.length} more</div>
                )}
              </td>
            ))}
            <td />
          </tr>
        </thead>
        <tbody>
          {[...groups].map(([name, items]) => [
            <tr key={`g:${name}`} className="timeline-group">
              <th scope="colgroup" colSpan={columns + 1}>
                {name} <span className="muted small">({items.length})</span>
              </th>
            </tr>,
            ...items.map((item) => (
              <tr key={`${item.kind}:${item.id}`}>
                <th scope="row" className="timeline-name">
                  <Tag tone={item.kind === 'initiative' ? 'accent' : 'info'}>
                    <span aria-hidden="true">{item.kind === 'initiative' ? 'I' : 'F'}</span>
                    <span className="visually-hidden">
                      {item.kind === 'initiative' ? 'Initiative' : 'Feature'}
                    </span>
                  </Tag>{' '}
                  {item.name}
                  {item.late && (
                    <>
                      {' '}
                      <Tag tone="danger">late {item.late.slip} q</Tag>
                    </>
                  )}
                </th>
                {rowCells(item, columns)}
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
