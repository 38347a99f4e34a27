import type { CashFlowRow, SimulationResult } from '../../api/finance.ts';
import { fmtAxis, fmtMoney } from '../../format/format.ts';

/** Quarterly cost (down) and benefit (up) bars with the cumulative net line: where payback happens. */
export function cashFlowOption(rows: CashFlowRow[]) {
  return {
    grid: { left: 64, right: 64, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtMoney(v) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => fmtAxis(v) } },
      { type: 'value', axisLabel: { formatter: (v: number) => fmtAxis(v) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: 'Benefit',
        type: 'bar',
        stack: 'flow',
        data: rows.map((r) => r.benefit),
        itemStyle: { color: '#2f9e44' },
      },
      {
        name: 'Cost',
        type: 'bar',
        stack: 'flow',
        data: rows.map((r) => -r.cost),
        itemStyle: { color: '#e8590c' },
      },
      {
        name: 'Cumulative net',
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.cumulative),
        itemStyle: { color: '#3b5bdb' },
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#868e96' } },
      },
    ],
  };
}

/** The Monte Carlo histogram of portfolio value, with P10 / P50 / P90 marked. */
export function histogramOption(sim: SimulationResult) {
  const { edges, counts } = sim.histogram;
  const mids = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  const nearest = (v: number) => {
    let best = 0;
    for (let i = 1; i < mids.length; i++) if (Math.abs(mids[i] - v) < Math.abs(mids[best] - v)) best = i;
    return best;
  };
  return {
    grid: { left: 56, right: 16, top: 24, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: mids.map((m) => fmtAxis(m)),
      name: 'portfolio value (present value)',
      nameLocation: 'middle',
      nameGap: 32,
    },
    yAxis: { type: 'value', name: 'trials', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: counts,
        barCategoryGap: '4%',
        itemStyle: { color: '#748ffc' },
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}' },
          data: [
            { name: 'P10', xAxis: nearest(sim.p10) },
            { name: 'P50', xAxis: nearest(sim.p50) },
            { name: 'P90', xAxis: nearest(sim.p90) },
          ],
        },
      },
    ],
  };
}

/**
 * Tornado: the portfolio's value when each initiative lands in its low case and in its high case, as a
 * bar from one to the other around the mean — the longest bars are the bets that move the outcome.
 */
export function tornadoOption(sim: SimulationResult, top = 8) {
  const rows = [...sim.tornado].sort((a, b) => b.varianceShare - a.varianceShare).slice(0, top);
  return {
    grid: { left: 230, right: 24, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const r = rows[params[0].dataIndex];
        return `${r.name}<br/>low case ${fmtMoney(r.low)}<br/>high case ${fmtMoney(r.high)}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtAxis(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 210, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        stack: 'swing',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => Math.min(r.low, r.high)),
      },
      {
        type: 'bar',
        stack: 'swing',
        itemStyle: { color: '#748ffc' },
        data: rows.map((r) => Math.abs(r.high - r.low)),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [{ xAxis: sim.mean }],
          lineStyle: { color: '#343a40' },
        },
      },
    ],
  };
}
