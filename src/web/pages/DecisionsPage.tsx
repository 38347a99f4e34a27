import type { Decision } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { type Column, ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtDate, humanize } from '../format/format.ts';
import { Link } from '../router/Link.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';

const KINDS = [
  'investment',
  'segment_override',
  'rank_override',
  'parking_lot',
  'scenario_commit',
  'gate',
  'pricing',
  'other',
];

function subjectLink(d: Decision) {
  if (!d.subjectId) return '—';
  if (d.subjectType === 'product') return <Link to={`/products/${d.subjectId}`}>the product</Link>;
  if (d.subjectType === 'segment') return <Link to={`/segments/${d.subjectId}`}>the segment</Link>;
  if (d.subjectType === 'scenario')
    return <Link to={`/optimizer?tab=scenarios&scenario=${d.subjectId}`}>the scenario</Link>;
  return <span className="muted">{d.subjectType}</span>;
}

const COLUMNS: Column<Decision>[] = [
  { header: 'When', cell: (d) => fmtDate(d.createdAt) },
  { header: 'Kind', cell: (d) => <Tag tone="info">{humanize(d.kind)}</Tag> },
  {
    header: 'Decision and rationale',
    cell: (d) => (
      <>
        <strong>{d.title}</strong>
        <div className="small">{d.rationale}</div>
      </>
    ),
  },
  { header: 'Concerns', cell: subjectLink },
  { header: 'By', cell: (d) => d.actorName },
];

/** The append-only decision log: what was decided, why, by whom, about what. */
export function DecisionsPage() {
  const [kind, setKind] = useQueryParam('kind');
  const [q, setQ] = useQueryParam('q');
  const decisions = useList<Decision>('decisions', { kind, q, sort: 'createdAt', order: 'desc' });
  return (
    <>
      <PageHeader
        title="Decision log"
        subtitle="Every recorded decision with its rationale. Entries are never edited."
      />
      <ListCard
        query={decisions}
        label="decisions"
        empty="No decisions match"
        columns={COLUMNS}
        filters={
          <>
            <SelectFilter
              id="dec-kind"
              label="Kind"
              value={kind}
              onChange={setKind}
              options={KINDS.map((k) => ({ value: k, label: humanize(k) }))}
            />
            <SearchBox id="dec-q" label="Search" value={q} onChange={setQ} />
          </>
        }
      />
    </>
  );
}
