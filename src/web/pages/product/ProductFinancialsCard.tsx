import { useMemo } from 'react';
import type { ProductFinancial } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtMoney } from '../../format/format.ts';

/** Revenue and cost per quarter, as a line chart with a text alternative. */
export function ProductFinancialsCard({ productId }: { productId: string }) {
  const rows = useList<ProductFinancial>('product-financials', { productId, sort: 'period', order: 'asc' });
  const option = useMemo(() => {
    const data = rows.data ?? [];
    return {
      grid: { left: 56, right: 16, top: 32, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Revenue', 'Cost'], top: 0 },
      xAxis: { type: 'category', data: data.map((r) => r.period) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtMoney(v) } },
      series: [
        { name: 'Revenue', type: 'line', data: data.map((r) => r.revenue), color: '#3b5bdb', symbolSize: 6 },
        { name: 'Cost', type: 'line', data: data.map((r) => r.cost), color: '#e8590c', symbolSize: 6 },
      ],
    };
  }, [rows.data]);
  return (
    <Card title="Financials">
      <QueryState query={rows} label="financials" empty="No financials recorded">
        {(data) => (
          <Chart option={option} label="Line chart of revenue and cost per quarter">
            {data
              .map((r) => `${r.period}: revenue ${fmtMoney(r.revenue)}, cost ${fmtMoney(r.cost)}`)
              .join('; ')}
          </Chart>
        )}
      </QueryState>
    </Card>
  );
}
