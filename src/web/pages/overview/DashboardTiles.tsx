import { useMemo } from 'react';
import type { TrendPoint } from '../../api/analytics.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { LoadingPanel } from '../../components/LoadingPanel.tsx';
import { Sparkline } from '../../components/Sparkline.tsx';
import { StatTile } from '../../components/StatTile.tsx';
import { fmtMoney, fmtPercent } from '../../format/format.ts';
import { useDashboard } from './useDashboard.ts';

const trendLabel = (what: string, trend: TrendPoint[]) => {
  const known = trend.filter((t) => t.value !== null);
  return known.length < 2
    ? `${what}: no trend yet`
    : `${what} from ${known[0]!.period} to ${known[known.length - 1]!.period}`;
};

/** ROI, utilization, risk exposure and alignment from GET /dashboard/portfolio, and investment vs priority. */
export function DashboardTiles() {
  const dash = useDashboard();
  const option = useMemo(() => {
    const rows = dash.data?.investmentBySegment.rows ?? [];
    return {
      grid: { left: 190, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtPercent(v) },
      legend: { top: 0, itemGap: 28 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtPercent(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => (r.rank ? `#${r.rank} ${r.name}` : r.name)),
      },
      series: [
        {
          name: 'Share of investment',
          type: 'bar',
          data: rows.map((r) => r.investmentShare),
          color: '#3b5bdb',
        },
        { name: 'Share of priority', type: 'bar', data: rows.map((r) => r.priorityShare), color: '#adb5bd' },
      ],
    };
  }, [dash.data]);
  if (dash.isPending) return <LoadingPanel label="Loading the portfolio dashboard" />;
  if (dash.isError) return <ErrorPanel error={dash.error} onRetry={() => dash.refetch()} />;
  const { tiles, investmentBySegment } = dash.data;
  return (
    <>
      <div className="tiles">
        <StatTile
          label="Portfolio ROI"
          value={tiles.roi.value === null ? '—' : fmtPercent(tiles.roi.value)}
          detail={`NPV ${fmtMoney(tiles.roi.npv)} of funded initiatives`}
          trend={
            <Sparkline
              values={tiles.roi.trend.map((t) => t.value)}
              label={trendLabel('Cumulative ROI by quarter', tiles.roi.trend)}
            />
          }
        />
        <StatTile
          label="Resource utilization"
          value={tiles.utilization.value === null ? '—' : fmtPercent(tiles.utilization.value)}
          detail="demand ÷ capacity over the plan"
          trend={
            <Sparkline
              values={tiles.utilization.trend.map((t) => t.value)}
              label={trendLabel('Utilization by quarter', tiles.utilization.trend)}
            />
          }
        />
        <StatTile
          label="Open risk exposure"
          value={fmtMoney(tiles.riskExposure.value)}
          detail={`${tiles.riskExposure.openCount} open risks (probability × impact)`}
          trend={
            <Sparkline
              values={tiles.riskExposure.trend.map((t) => t.value)}
              label={trendLabel('Risk exposure by quarter', tiles.riskExposure.trend)}
            />
          }
        />
        <StatTile
          label="Strategy alignment"
          value={
            investmentBySegment.alignmentScore === null ? '—' : fmtPercent(investmentBySegment.alignmentScore)
          }
          detail="investment mix vs segment priorities"
        />
      </div>
      <Card title="Investment vs segment priority">
        <Chart
          option={option}
          height={Math.max(180, 40 * investmentBySegment.rows.length)}
          label="Bar chart comparing each segment's share of investment with its share of priority"
        >
          {investmentBySegment.rows
            .map(
              (r) =>
                `${r.name}: investment ${fmtPercent(r.investmentShare)}, priority ${fmtPercent(r.priorityShare)}`,
            )
            .join('; ')}
        </Chart>
      </Card>
    </>
  );
}
