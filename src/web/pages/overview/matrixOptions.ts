import type { PortfolioDashboard } from '../../api/analytics.ts';
import { fmtMoney, fmtNumber, fmtPercent, humanize } from '../../format/format.ts';

type Dash = PortfolioDashboard;

const size = (x: number, max: number, lo = 8, hi = 40) =>
  max > 0 ? lo + (hi - lo) * Math.sqrt(Math.max(0, x) / max) : lo;
const label = {
  show: true,
  position: 'right',
  fontSize: 10,
  color: '#5b6473',
  formatter: (p: { data: { name: string } }) => p.data.name,
};

/** Risk × value: each initiative's open-risk exposure against its expected value, sized by cost. */
export function riskValueOption(d: Dash) {
  const max = Math.max(0, ...d.riskValueBubbles.map((b) => b.cost));
  const point = (b: Dash['riskValueBubbles'][number]) => ({
    name: b.name,
    value: [b.exposure, b.expectedValue],
    symbolSize: size(b.cost, max),
    stage: b.stage,
    cost: b.cost,
  });
  const funded = d.riskValueBubbles.filter((b) => b.stage !== 'proposed');
  const proposed = d.riskValueBubbles.filter((b) => b.stage === 'proposed');
  return {
    grid: { left: 72, right: 24, top: 32, bottom: 48 },
    legend: { top: 0 },
    tooltip: {
      formatter: (p: { data: { name: string; value: number[]; stage: string; cost: number } }) =>
        `${p.data.name} (${humanize(p.data.stage)})<br/>exposure ${fmtMoney(p.data.value[0]!)}, expected value ${fmtMoney(p.data.value[1]!)}, cost ${fmtMoney(p.data.cost)}`,
    },
    xAxis: {
      type: 'value',
      name: 'Risk exposure',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: fmtMoney },
    },
    yAxis: { type: 'value', name: 'Expected value', axisLabel: { formatter: fmtMoney } },
    series: [
      {
        name: 'Funded',
        type: 'scatter',
        data: funded.map(point),
        color: '#3b5bdb',
        itemStyle: { opacity: 0.7 },
      },
      {
        name: 'Proposed',
        type: 'scatter',
        data: proposed.map(point),
        color: '#e8590c',
        itemStyle: { opacity: 0.6 },
      },
    ],
  };
}

/** BCG: relative market share (log axis) against market growth, quadrants split at 1.0 and 10 %. */
export function bcgOption(d: Dash) {
  const max = Math.max(0, ...d.bcg.map((p) => p.revenue));
  return {
    grid: { left: 56, right: 24, top: 24, bottom: 48 },
    tooltip: {
      formatter: (p: { data: { name: string; value: number[]; quadrant: string; revenue: number } }) =>
        `${p.data.name}: ${humanize(p.data.quadrant)}<br/>growth ${fmtPercent(p.data.value[1]!)}, relative share ${p.data.value[0]!.toFixed(2)}, revenue ${fmtMoney(p.data.revenue)}`,
    },
    xAxis: {
      type: 'log',
      name: 'Relative market share',
      nameLocation: 'middle',
      nameGap: 28,
      min: (v: { min: number }) => Math.min(0.05, v.min),
      max: (v: { max: number }) => Math.max(4, v.max),
      axisLabel: { formatter: (v: number) => fmtNumber(v) },
    },
    yAxis: { type: 'value', name: 'Market growth', axisLabel: { formatter: (v: number) => fmtPercent(v) } },
    series: [
      {
        type: 'scatter',
        color: '#12b886',
        label,
        data: d.bcg.map((p) => ({
          name: p.name,
          value: [Math.max(p.relativeMarketShare, 0.01), p.marketGrowth],
          symbolSize: size(p.revenue, max),
          quadrant: p.quadrant,
          revenue: p.revenue,
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#868e96' },
          label: { show: false },
          data: [{ xAxis: 1 }, { yAxis: 0.1 }],
        },
      },
    ],
  };
}

/** GE-McKinsey nine-box: business strength against market attractiveness, for segments and products. */
export function geOption(d: Dash) {
  const point = (p: Dash['geMcKinsey']['segments'][number]) => ({
    name: p.name,
    value: [p.strength, p.attractiveness],
    recommendation: p.recommendation,
  });
  const axis = (name: string) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 28,
    min: 0,
    max: 1,
    interval: 1 / 3,
    axisLabel: { formatter: (v: number) => (v < 0.3 ? 'low' : v < 0.6 ? 'medium' : v < 0.9 ? 'high' : '') },
  });
  return {
    grid: { left: 64, right: 24, top: 32, bottom: 48 },
    legend: { top: 0 },
    tooltip: {
      formatter: (p: { seriesName: string; data: { name: string; recommendation: string } }) =>
        `${p.data.name} (${p.seriesName.toLowerCase().replace(/s$/, '')}): ${humanize(p.data.recommendation)}`,
    },
    xAxis: axis('Business strength'),
    yAxis: { ...axis('Market attractiveness'), nameGap: 48 },
    series: [
      {
        name: 'Segments',
        type: 'scatter',
        symbolSize: 14,
        color: '#7048e8',
        label,
        data: d.geMcKinsey.segments.map(point),
      },
      {
        name: 'Products',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        color: '#e8590c',
        data: d.geMcKinsey.products.map(point),
      },
    ],
  };
}
