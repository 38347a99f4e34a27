import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CapacityView } from '../api/analytics.ts';
import { apiGet } from '../api/client.ts';
import { listPath } from '../api/lists.ts';
import { Card } from '../components/Card.tsx';
import { Chart } from '../components/Chart.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { fmtNumber } from '../format/format.ts';
import { useQueryParam } from '../router/useQueryParam.ts';

/** Utilization (demand ÷ capacity) per team, role or person and quarter, as a heat map, with the alerts. */
export function CapacityPage() {
  const [level, setLevel] = useQueryParam('level');
  const view = useQuery({
    queryKey: ['capacity', level],
    queryFn: ({ signal }) => apiGet<CapacityView>(listPath('capacity', { level }), signal),
  });
  const option = useMemo(() => {
    const v = view.data;
    if (!v) return {};
    const names = [...new Map(v.cells.map((c) => [c.key, c.name])).entries()];
    const index = new Map(names.map(([k], i) => [k, i]));
    return {
      grid: { left: 170, right: 16, top: 10, bottom: 60 },
      tooltip: { position: 'top' },
      xAxis: { type: 'category', data: v.periods },
      yAxis: { type: 'category', data: names.map(([, n]) => n), inverse: true },
      visualMap: {
        min: 0,
        max: 150,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: ['≥ 150 %', '0 %'],
        inRange: { color: ['#e7f5ff', '#74c0fc', '#ffd43b', '#ff922b', '#e03131'] },
      },
      series: [
        {
          type: 'heatmap',
          data: v.cells.map((c) => [c.period, index.get(c.key), Math.round(c.utilization)]),
          label: { show: true, formatter: (p: { value: number[] }) => `${p.value[2]}%` },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [view.data]);
  const rows = view.data ? new Set(view.data.cells.map((c) => c.key)).size : 0;
  return (
    <>
      <PageHeader
        title="Capacity"
        subtitle="Demand against capacity (FTE − time off) per quarter; red cells are over-allocated."
      />
      <Card>
        <div className="filters">
          <SelectFilter
            id="cap-level"
            label="Group by"
            value={level}
            onChange={setLevel}
            allLabel="Team"
            options={[
              { value: 'role', label: 'Role' },
              { value: 'person', label: 'Person' },
            ]}
          />
        </div>
        <QueryState query={view} label="capacity">
          {(v) => (
            <>
              <Chart
                option={option}
                height={Math.max(220, rows * 30 + 80)}
                label="Heat map of utilization by group and quarter"
              >
                {v.cells.map((c) => `${c.name} ${c.periodLabel}: ${Math.round(c.utilization)}%`).join('; ')}
              </Chart>
              <h2 className="small">Over-allocations</h2>
              {v.alerts.length === 0 ? (
                <p className="muted">Nothing is over-allocated.</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Who</th>
                      <th scope="col">Quarter</th>
                      <th scope="col" className="num">
                        Utilization
                      </th>
                      <th scope="col" className="num">
                        Over by (FTE)
                      </th>
                      <th scope="col">Largest causes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.alerts.slice(0, 50).map((a) => (
                      <tr key={`${a.key}:${a.period}`}>
                        <td>{a.name}</td>
                        <td>{a.periodLabel}</td>
                        <td className="num">{Math.round(a.utilization)}%</td>
                        <td className="num">{fmtNumber(a.over)}</td>
                        <td className="small">
                          {a.causes
                            .slice(0, 3)
                            .map((c) => `${c.sourceName} (${fmtNumber(c.amount)})`)
                            .join(', ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
