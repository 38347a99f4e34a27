import type { Decision } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
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
  if (!d.subjectId) return null;
  if (d.subjectType === 'product') return <Link to={`/products/${d.subjectId}`}>the product</Link>;
  if (d.subjectType === 'segment') return <Link to={`/segments/${d.subjectId}`}>the segment</Link>;
  return <span className="muted">{d.subjectType}</span>;
}

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
      <Card>
        <div className="filters">
          <SelectFilter
            id="dec-kind"
            label="Kind"
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: humanize(k) }))}
          />
          <SearchBox id="dec-q" label="Search" value={q} onChange={setQ} />
        </div>
        <QueryState query={decisions} label="decisions" empty="No decisions match">
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Decision and rationale</th>
                  <th scope="col">Concerns</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id}>
                    <td>{fmtDate(d.createdAt)}</td>
                    <td>
                      <Tag tone="info">{humanize(d.kind)}</Tag>
                    </td>
                    <td>
                      <strong>{d.title}</strong>
                      <div className="small">{d.rationale}</div>
                    </td>
                    <td>{subjectLink(d) ?? '—'}</td>
                    <td>{d.actorName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
    </>
  );
}
