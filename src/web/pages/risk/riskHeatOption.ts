import type { Risk } from '../../api/types.ts';
import { fmtMoney } from '../../format/format.ts';

export const PROBABILITY_BANDS = ['0–20 %', '20–40 %', '40–60 %', '60–80 %', '80–100 %'];
const IMPACT_EDGES = [100_000, 500_000, 1_000_000, 5_000_000];
export const IMPACT_BANDS = [
  `< ${fmtMoney(IMPACT_EDGES[0])}`,
  `${fmtMoney(IMPACT_EDGES[0])}–${fmtMoney(IMPACT_EDGES[1])}`,
  `${fmtMoney(IMPACT_EDGES[1])}–${fmtMoney(IMPACT_EDGES[2])}`,
  `${fmtMoney(IMPACT_EDGES[2])}–${fmtMoney(IMPACT_EDGES[3])}`,
  `≥ ${fmtMoney(IMPACT_EDGES[3])}`,
];

export const probabilityIndex = (p: number) => Math.min(4, Math.floor(p * 5));
export const impactIndex = (impact: number) => IMPACT_EDGES.filter((e) => impact >= e).length;
export const probabilityBand = (p: number) => PROBABILITY_BANDS[probabilityIndex(p)];
export const impactBand = (i: number) => IMPACT_BANDS[impactIndex(i)];

/** A 5 × 5 ECharts heat map: impact bands across, probability bands up, cells = number of risks. */
export function riskHeatOption(risks: Risk[]) {
  const counts = new Map<string, number>();
  for (const r of risks) {
    const key = `${impactIndex(r.impact)}:${probabilityIndex(r.probability)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const data: [number, number, number][] = [];
  for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) data.push([x, y, counts.get(`${x}:${y}`) ?? 0]);
  const max = Math.max(1, ...data.map((d) => d[2]));
  return {
    grid: { left: 80, right: 16, top: 10, bottom: 70 },
    tooltip: { position: 'top' },
    xAxis: {
      type: 'category',
      data: IMPACT_BANDS,
      name: 'Impact',
      nameLocation: 'middle',
      nameGap: 50,
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: {
      type: 'category',
      data: PROBABILITY_BANDS,
      name: 'Probability',
      nameLocation: 'middle',
      nameGap: 64,
    },
    visualMap: {
      min: 0,
      max,
      show: false,
      inRange: { color: ['#f8f9fa', '#ffe8cc', '#ffa94d', '#e8590c', '#c92a2a'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (p: { value: [number, number, number] }) => (p.value[2] ? String(p.value[2]) : ''),
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}
