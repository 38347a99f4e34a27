import type { PortfolioFrontier } from '../../api/optimizer.ts';
import { fmtAxis, fmtMoney } from '../../format/format.ts';
import { fmtValue } from './RunReport.tsx';

/** ECharts option: the optimizer's best value per total budget beside score ranking's, the plan as asked marked. */
export function frontierOption(f: PortfolioFrontier) {
  const pair = (v: number | null, budget: number) => [budget, v];
  return {
    grid: { left: 64, right: 24, top: 36, bottom: 48 },
    legend: { top: 0, itemGap: 28 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => fmtValue(f.objective, v),
    },
    xAxis: {
      type: 'value',
      name: 'Budget over the plan',
      nameLocation: 'middle',
      nameGap: 30,
      scale: true,
      axisLabel: { formatter: (v: number) => fmtMoney(v) },
    },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmtAxis(v) } },
    series: [
      {
        name: 'Optimizer',
        type: 'line',
        step: 'end',
        color: '#3b5bdb',
        data: f.points.map((p) => pair(p.value, p.budget)),
        markLine: {
          symbol: 'none',
          label: { formatter: 'budget as asked' },
          lineStyle: { type: 'dashed', color: '#868e96' },
          data: [{ xAxis: f.baseBudget }],
        },
      },
      {
        name: 'Score ranking',
        type: 'line',
        step: 'end',
        color: '#e8590c',
        lineStyle: { type: 'dashed' },
        data: f.points.map((p) => pair(p.rankingValue, p.budget)),
      },
    ],
  };
}
