import { useMemo } from 'react';
import type { NineBoxSummary, PortfolioDashboard } from '../../api/analytics.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtMoney, fmtNumber, fmtPercent, humanize } from '../../format/format.ts';
import { bcgOption, geOption, riskValueOption } from './matrixOptions.ts';
import { useDashboard } from './useDashboard.ts';

const MEASURE = { expectedValue: 'expected value', exposure: 'risk exposure', cost: 'cost' } as const;

/** "the 50 … of 3,910" when the answer carries only the largest points, nothing when it carries all. */
const shownOf = (shown: number, total: number, what: string, by: string) =>
  shown < total
    ? `Showing the ${fmtNumber(shown)} ${what} with the largest ${by} of ${fmtNumber(total)}.`
    : '';

function RiskValueNote({ d }: { d: PortfolioDashboard }) {
  const s = d.riskValueSummary;
  const group = (label: string, g: typeof s.funded) =>
    `${label}: ${fmtNumber(g.count)} (expected value ${fmtMoney(g.expectedValue)}, exposure ${fmtMoney(g.exposure)}, cost ${fmtMoney(g.cost)})`;
  return (
    <p className="muted small" data-testid="risk-value-note">
      {shownOf(s.shown, s.total, 'initiatives', MEASURE[s.by])} {group('Funded', s.funded)};{' '}
      {group('proposed', s.proposed)}.
    </p>
  );
}

function BcgNote({ d }: { d: PortfolioDashboard }) {
  const s = d.bcgSummary;
  const quadrants = Object.entries(s.quadrants)
    .filter(([, q]) => q.count > 0)
    .map(([k, q]) => `${humanize(k)}: ${fmtNumber(q.count)} (revenue ${fmtMoney(q.revenue)})`);
  return (
    <p className="muted small">
      {shownOf(s.shown, s.total, 'products', 'revenue')} {quadrants.join(' · ')}
    </p>
  );
}

function GeNote({ d }: { d: PortfolioDashboard }) {
  const boxes = (label: string, s: NineBoxSummary) =>
    `${label} (${fmtNumber(s.total)}): ${Object.entries(s.boxes)
      .filter(([, n]) => n > 0)
      .map(([box, n]) => {
        const [attractiveness, strength] = box.split('/');
        return `${fmtNumber(n)} of ${attractiveness} attractiveness and ${strength} strength`;
      })
      .join(', ')}`;
  const { segments, products } = d.geMcKinseySummary;
  return (
    <p className="muted small">
      {shownOf(segments.shown, segments.total, 'segments', 'priority')}{' '}
      {shownOf(products.shown, products.total, 'products', 'revenue')} {boxes('Segments', segments)}.{' '}
      {boxes('Products', products)}.
    </p>
  );
}

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
              <RiskValueNote d={d} />
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
                <BcgNote d={d} />
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
                <GeNote d={d} />
              </Card>
            </div>
          </>
        )
      }
    </QueryState>
  );
}
