import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SegmentRanking } from '../api/analytics.ts';
import { apiGet } from '../api/client.ts';
import { Card } from '../components/Card.tsx';
import { Chart } from '../components/Chart.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtNumber, fmtPercent, humanize } from '../format/format.ts';
import { Link } from '../router/Link.tsx';

const FACTOR_LABELS: Record<string, string> = {
  marketSize: 'Market size',
  growth: 'Growth',
  swot: 'SWOT',
  share: 'Our share',
  goalFit: 'Goal fit',
};
const COLORS = ['#3b5bdb', '#12b886', '#fab005', '#7048e8', '#e8590c', '#868e96'];

/** The segment pecking order (GET /segments/ranking): score, priority weight, factor breakdown, overrides. */
export function PeckingOrderPage() {
  const ranking = useQuery({
    queryKey: ['segments', 'ranking'],
    queryFn: ({ signal }) => apiGet<SegmentRanking>('/api/v1/segments/ranking', signal),
  });
  const option = useMemo(() => {
    const rows = ranking.data?.segments ?? [];
    const factors = Object.keys(ranking.data?.factorWeights ?? {});
    return {
      grid: { left: 170, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtNumber(v) },
      legend: { top: 0, itemGap: 20 },
      xAxis: { type: 'value', max: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => `#${r.rank} ${r.name}`) },
      series: factors.map((f, i) => ({
        name: FACTOR_LABELS[f] ?? f,
        type: 'bar',
        stack: 'score',
        color: COLORS[i % COLORS.length],
        data: rows.map((r) => r.factors.find((x) => x.name === f)?.contribution ?? 0),
      })),
    };
  }, [ranking.data]);
  return (
    <>
      <PageHeader
        title="Segment pecking order"
        subtitle="Segments ranked by attractiveness and our ability to win: market size, growth, SWOT, share and fit with the strategic goals."
      />
      <QueryState query={ranking} label="the pecking order">
        {(r) => {
          const placement = new Map((r.placements?.segments ?? []).map((p) => [p.id, p]));
          return (
            <>
              <Card title="Score by factor">
                <Chart
                  option={option}
                  height={Math.max(200, 44 * r.segments.length + 60)}
                  label="Stacked bar chart of each segment's score, split by factor"
                >
                  {r.segments
                    .map(
                      (s) =>
                        `#${s.rank} ${s.name}: ${s.factors.map((f) => `${FACTOR_LABELS[f.name] ?? f.name} ${fmtNumber(f.contribution)}`).join(', ')}`,
                    )
                    .join('; ')}
                </Chart>
                <p className="muted small">
                  Factor weights:{' '}
                  {Object.entries(r.factorWeights)
                    .map(([k, w]) => `${FACTOR_LABELS[k] ?? k} ${fmtPercent(w)}`)
                    .join(' · ')}
                </p>
              </Card>
              <Card title="Ranking">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Rank
                      </th>
                      <th scope="col">Segment</th>
                      <th scope="col" className="num">
                        Score
                      </th>
                      <th scope="col" className="num">
                        Priority weight
                      </th>
                      <th scope="col">GE-McKinsey</th>
                      <th scope="col">Override</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.segments.map((s) => {
                      const p = placement.get(s.segmentId);
                      return (
                        <tr key={s.segmentId}>
                          <td className="num">#{s.rank}</td>
                          <td>
                            <Link to={`/segments/${s.segmentId}`}>{s.name}</Link>
                          </td>
                          <td className="num">{fmtNumber(s.score)}</td>
                          <td className="num">{fmtPercent(s.weight)}</td>
                          <td className="small">
                            {p
                              ? `${humanize(p.recommendation)} (attractiveness ${p.attractivenessLevel}, strength ${p.strengthLevel})`
                              : '—'}
                          </td>
                          <td>
                            {s.overridden ? (
                              <Tag tone="warning">manual; computed #{s.computedRank}</Tag>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
