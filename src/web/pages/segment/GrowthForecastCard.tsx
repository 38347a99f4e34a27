import { useMemo, useState } from 'react';
import type { Segment } from '../../api/types.ts';
import { useUpdate } from '../../api/useUpdate.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { FormError } from '../../components/FormError.tsx';
import { fmtPercent } from '../../format/format.ts';

/** Annual growth rates over the forecast horizon; editable as percentages by portfolio managers. */
export function GrowthForecastCard({ segment, editable }: { segment: Segment; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<string[]>([]);
  const update = useUpdate<Segment>('segments', segment);
  const option = useMemo(
    () => ({
      grid: { left: 44, right: 12, top: 12, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: segment.growthForecast.map((_, i) => `Year ${i + 1}`) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtPercent(v) } },
      series: [{ type: 'bar', data: segment.growthForecast, color: '#3b5bdb', barMaxWidth: 28 }],
    }),
    [segment.growthForecast],
  );
  const start = () => {
    setValues(segment.growthForecast.map((g) => String(Math.round(g * 1000) / 10)));
    setEditing(true);
  };
  const save = () =>
    update.mutate(
      { growthForecast: values.filter((v) => v.trim() !== '').map((v) => Number(v) / 100) },
      { onSuccess: () => setEditing(false) },
    );
  return (
    <Card
      title="Growth forecast"
      actions={
        editable &&
        !editing && (
          <button type="button" className="btn btn-secondary btn-small" onClick={start}>
            Edit forecast
          </button>
        )
      }
    >
      {!editing ? (
        segment.growthForecast.length ? (
          <Chart option={option} height={160} label="Bar chart of the annual growth forecast">
            {segment.growthForecast.map((g, i) => `Year ${i + 1}: ${fmtPercent(g)}`).join(', ')}
          </Chart>
        ) : (
          <p className="muted">No forecast yet.</p>
        )
      ) : (
        <>
          {values.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a year's position is its identity
            <div key={i} className="row-item">
              <label htmlFor={`growth-${i}`} className="small">
                Year {i + 1} growth (%)
              </label>
              <input
                id={`growth-${i}`}
                type="number"
                step="0.1"
                value={v}
                onChange={(e) => setValues(values.map((x, j) => (j === i ? e.target.value : x)))}
              />
            </div>
          ))}
          <div className="toolbar">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setValues([...values, '0'])}
            >
              + Add a year
            </button>
            {values.length > 0 && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setValues(values.slice(0, -1))}
              >
                − Remove last year
              </button>
            )}
          </div>
          <FormError error={update.error} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={save} disabled={update.isPending}>
              Save forecast
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Card>
  );
}
