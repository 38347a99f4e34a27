import type { Feedback } from '../../api/types.ts';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate, humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';

/** One inbox row: a button that opens the item in the triage panel. */
export function FeedbackListItem({
  item,
  selected,
  onSelect,
  customer,
  segment,
}: {
  item: Feedback;
  selected: boolean;
  onSelect: () => void;
  customer?: string;
  segment?: string;
}) {
  return (
    <li style={{ padding: 0 }}>
      <button type="button" className="list-item-button" aria-pressed={selected} onClick={onSelect}>
        <div>
          <Tag tone={toneOf(item.status)}>{humanize(item.status)}</Tag> {item.text}
        </div>
        <div className="muted small">
          {humanize(item.source)} · {customer ?? 'no customer'} · {segment ?? 'no segment'} ·{' '}
          {fmtDate(item.createdAt)}
        </div>
      </button>
    </li>
  );
}
