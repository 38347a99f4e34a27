import type { Kpi } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { KpiChart } from './KpiChart.tsx';

/** Each KPI of the product as a line over the quarters, with its target as a dashed line. */
export function ProductKpisCard({ productId }: { productId: string }) {
  const kpis = useList<Kpi>('kpis', { productId });
  return (
    <Card title="KPIs">
      <QueryState query={kpis} label="KPIs" empty="No KPIs defined for this product">
        {(rows) => (
          <div className="kpi-grid">
            {rows.map((k) => (
              <KpiChart key={k.id} kpi={k} />
            ))}
          </div>
        )}
      </QueryState>
    </Card>
  );
}
