import type { Segment } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtMoney, fmtPercent } from '../format/format.ts';
import { Link } from '../router/Link.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The market segments: size, forecast growth, our share, SWOT balance and any manual rank override. */
export function SegmentsPage() {
  const [q, setQ] = useQueryParam('q');
  const segments = useList<Segment>('segments', { q, sort: 'marketSize', order: 'desc' });
  return (
    <>
      <PageHeader
        title="Segments"
        subtitle="Market segments with their size, growth forecast and SWOT — the inputs of the pecking order."
      />
      <Card>
        <div className="filters">
          <SearchBox id="segments-q" label="Search segments" value={q} onChange={setQ} />
        </div>
        <QueryState query={segments} label="segments" empty="No segments match">
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Market size
                  </th>
                  <th scope="col" className="num">
                    Avg. growth
                  </th>
                  <th scope="col" className="num">
                    Our share
                  </th>
                  <th scope="col" className="num">
                    SWOT items
                  </th>
                  <th scope="col">Rank override</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/segments/${s.id}`}>{s.name}</Link>
                      <div className="muted small">{s.description}</div>
                    </td>
                    <td className="num">{fmtMoney(s.marketSize)}</td>
                    <td className="num">{fmtPercent(mean(s.growthForecast))}</td>
                    <td className="num">{fmtPercent(s.ourShare)}</td>
                    <td className="num">{s.swot.length}</td>
                    <td>
                      {s.overrideRank ? (
                        <Tag tone="warning">#{s.overrideRank} (manual)</Tag>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
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
