import { useMemo } from 'react';
import type { Kpi, KpiMeasurement } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Chart } from '../../components/Chart.tsx';
import { fmtAxis, fmtCompact, humanize } from '../../format/format.ts';

const KIND_LABELS: Record<string, string> = { csat: 'CSAT', nps: 'NPS', active_users: 'Active users' };

/** One KPI's measurements with a dashed target line. */
export function KpiChart({ kpi }: { kpi: Kpi }) {
  const measurements = useList<KpiMeasurement>('kpi-measurements', { kpiId: kpi.id });
  const sorted = useMemo(
    () => [...(measurements.data ?? [])].sort((a, b) => a.period.localeCompare(b.period)),
    [measurements.data],
  );
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: sorted.map((m) => m.period) },
      yAxis: {
        type: 'value',
        scale: true,
        // keep the target line in view even when every measurement is far from it
        min: (v: { min: number }) => (kpi.target === null ? v.min : Math.min(v.min, kpi.target)),
        max: (v: { max: number }) => (kpi.target === null ? v.max : Math.max(v.max, kpi.target)),
        axisLabel: { formatter: (v: number) => fmtAxis(v) },
      },
      series: [
        {
          name: kpi.name,
          type: 'line',
          data: sorted.map((m) => m.value),
          color: '#3b5bdb',
          symbolSize: 6,
          markLine:
            kpi.target === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#2b8a3e' },
                  label: { formatter: `target ${fmtCompact(kpi.target)}`, position: 'insideEndTop' },
                  data: [{ yAxis: kpi.target }],
                },
        },
      ],
    }),
    [sorted, kpi],
  );
  const last = sorted[sorted.length - 1];
  return (
    <div className="kpi">
      <div className="kpi-head">
        <strong>{kpi.name}</strong>{' '}
        <span className="muted small">
          {KIND_LABELS[kpi.kind] ?? humanize(kpi.kind)} ·{' '}
          {kpi.direction === 'higher_is_better' ? 'higher is better' : 'lower is better'}
          {kpi.unit ? ` · ${kpi.unit}` : ''}
        </span>
      </div>
      {measurements.isPending ? (
        <p className="muted small">Loading measurements…</p>
      ) : sorted.length === 0 ? (
        <p className="muted small">No measurements yet.</p>
      ) : (
        <Chart
          option={option}
          height={170}
          label={`${kpi.name}: latest ${last ? fmtCompact(last.value) : '—'}${kpi.target !== null ? `, target ${fmtCompact(kpi.target)}` : ''}`}
        >
          {sorted.map((m) => `${m.period}: ${m.value}`).join(', ')}
        </Chart>
      )}
    </div>
  );
}
