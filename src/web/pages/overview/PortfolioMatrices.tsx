import { useMemo } from 'react';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtMoney, fmtPercent, humanize } from '../../format/format.ts';
import { bcgOption, geOption, riskValueOption } from './matrixOptions.ts';
import { useDashboard } from './useDashboard.ts';

/** Risk × value bubbles, the BCG matrix of products and the GE-McKinsey nine-box, from the dashboard read. */
export function PortfolioMatrices() {
  const dash = useDashboard();
  const options = useMemo(
    () =>
      dash.data
        ? { risk: riskValueOption(dash.data), bcg: bcgOption(dash.data), ge: geOption(dash.data) }
        : null,
    [dash.data],
  );
  return (
    <QueryState query={dash} label="the portfolio matrices">
      {(d) =>
        options && (
          <>
            <Card title="Risk × value of initiatives">
              <Chart
                option={options.risk}
                height={300}
                label="Bubble chart of each initiative's risk exposure against its expected value, sized by cost"
              >
                {d.riskValueBubbles
                  .map(
                    (b) =>
                      `${b.name}: exposure ${fmtMoney(b.exposure)}, expected value ${fmtMoney(b.expectedValue)}`,
                  )
                  .join('; ')}
              </Chart>
            </Card>
            <div className="grid-2">
              <Card title="BCG matrix (products)">
                <Chart
                  option={options.bcg}
                  height={300}
                  label="BCG matrix: products by relative market share and market growth, sized by revenue"
                >
                  {d.bcg
                    .map(
                      (p) =>
                        `${p.name}: ${humanize(p.quadrant)} (growth ${fmtPercent(p.marketGrowth)}, relative share ${p.relativeMarketShare.toFixed(2)})`,
                    )
                    .join('; ')}
                </Chart>
              </Card>
              <Card title="GE-McKinsey matrix">
                <Chart
                  option={options.ge}
                  height={300}
                  label="GE-McKinsey nine-box: segments and products by business strength and market attractiveness"
                >
                  {[...d.geMcKinsey.segments, ...d.geMcKinsey.products]
                    .map(
                      (p) =>
                        `${p.name}: attractiveness ${p.attractivenessLevel}, strength ${p.strengthLevel} — ${humanize(p.recommendation)}`,
                    )
                    .join('; ')}
                </Chart>
              </Card>
            </div>
          </>
        )
      }
    </QueryState>
  );
}
