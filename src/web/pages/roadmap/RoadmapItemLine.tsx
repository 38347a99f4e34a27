import type { RoadmapItem } from '../../api/analytics.ts';
import { Tag } from '../../components/Tag.tsx';
import { humanize } from '../../format/format.ts';

/** Why an item is late, in words: the role short in which quarter, or the plain slip. */
export function lateText(item: RoadmapItem): string {
  if (!item.late) return '';
  const cause = item.late.cause?.roleName
    ? `: short of ${item.late.cause.roleName} in ${item.late.cause.periodLabel}`
    : '';
  return `late by ${item.late.slip} q${cause}`;
}

/** One scheduled item as a list entry: kind, name, late flag, product, segment and quarters. */
export function RoadmapItemLine({ item }: { item: RoadmapItem }) {
  return (
    <li>
      <Tag tone={item.kind === 'initiative' ? 'accent' : 'info'}>{humanize(item.kind)}</Tag>{' '}
      <strong>{item.name}</strong>
      {item.late && (
        <>
          {' '}
          <Tag tone="danger">late by {item.late.slip} q</Tag>
        </>
      )}
      <div className="muted small">
        {[item.productName, item.segment?.name, item.startPeriod && `${item.startPeriod}–${item.endPeriod}`]
          .filter(Boolean)
          .join(' · ')}
        {item.late?.cause?.roleName
          ? ` · short of ${item.late.cause.roleName} in ${item.late.cause.periodLabel}`
          : ''}
      </div>
    </li>
  );
}
