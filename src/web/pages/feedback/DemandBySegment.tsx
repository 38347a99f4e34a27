import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../../api/client.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtNumber } from '../../format/format.ts';

const nameOf = (names: Map<string, string>, id: string | null) =>
  id ? (names.get(id) ?? '…') : 'No segment';

interface SegmentDemand {
  segmentId: string | null;
  features: number;
  customers: number;
  importance: number;
  whys: { why: string; count: number }[];
}

/**
 * Demand by segment (GET /demand?by=segment): how much customers in each segment ask for, weighted by
 * how important it is to them, with the "why" statements heard most — what the feedback says the segment
 * needs, to set beside its place in the pecking order.
 */
export function DemandBySegment({ segmentName }: { segmentName: Map<string, string> }) {
  const demand = useQuery({
    queryKey: ['demand', 'segment'],
    queryFn: ({ signal }) =>
      apiGet<{ items: SegmentDemand[] }>('/api/v1/demand?by=segment', signal).then((r) => r.items),
  });
  const name = (id: string | null) => nameOf(segmentName, id);
  const rows = useMemo(
    () => [...(demand.data ?? [])].sort((a, b) => b.importance - a.importance),
    [demand.data],
  );
  const option = useMemo(
    () => ({
      grid: { left: 170, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'importance-weighted asks' },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => nameOf(segmentName, r.segmentId)) },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.importance),
          itemStyle: { color: '#3b5bdb' },
          barMaxWidth: 28,
        },
      ],
    }),
    [rows, segmentName],
  );
  return (
    <Card title="Demand by segment">
      <QueryState query={demand} label="demand" empty="No linked feedback yet">
        {() => (
          <div className="grid-2">
            <Chart
              option={option}
              height={Math.max(160, 40 * rows.length)}
              label="Bar chart of demand per segment"
            >
              {rows.map((r) => `${name(r.segmentId)}: ${fmtNumber(r.importance)}`).join('; ')}
            </Chart>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Customers
                  </th>
                  <th scope="col" className="num">
                    Features asked for
                  </th>
                  <th scope="col">Heard most: why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.segmentId ?? 'none'}>
                    <td>{name(r.segmentId)}</td>
                    <td className="num">{r.customers}</td>
                    <td className="num">{r.features}</td>
                    <td className="small">{r.whys[0] ? `“${r.whys[0].why}” (${r.whys[0].count})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Card>
  );
}
