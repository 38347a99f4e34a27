import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchPage } from '../api/lists.ts';
import type { Decision, Feedback, Initiative, Product, Risk } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { Chart } from '../components/Chart.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { StatTile } from '../components/StatTile.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtDate, fmtMoney, fmtNumber, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { Link } from '../router/Link.tsx';
import { DashboardTiles } from './overview/DashboardTiles.tsx';
import { NeedsDecisionCard } from './overview/NeedsDecisionCard.tsx';
import { PortfolioMatrices } from './overview/PortfolioMatrices.tsx';

const STAGES = ['ideation', 'development', 'launch', 'growth', 'maturity', 'decline', 'retired'] as const;

/** The portfolio at a glance: products by stage, risk exposure, the proposal pipeline, recent decisions. */
export function OverviewPage() {
  const products = useList<Product>('products');
  const risks = useList<Risk>('risks');
  const initiatives = useList<Initiative>('initiatives');
  const decisions = useList<Decision>('decisions', { sort: 'createdAt', order: 'desc' });
  // The API has no count: one page of 500 says "500+" when there are more.
  const newFeedback = useQuery({
    queryKey: ['list', 'feedback', 'new-count'],
    queryFn: ({ signal }) => fetchPage<Feedback>('feedback', { status: 'new', limit: 500 }, signal),
  });

  const openRisks = (risks.data ?? []).filter((r) => r.status !== 'closed');
  const proposed = (initiatives.data ?? []).filter((i) => i.stage === 'proposed').length;

  const stageOption = useMemo(() => {
    const counts = STAGES.map((s) => (products.data ?? []).filter((p) => p.lifecycleStage === s).length);
    return {
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: STAGES.map(humanize), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: counts, itemStyle: { color: '#3b5bdb' }, barMaxWidth: 36 }],
    };
  }, [products.data]);

  return (
    <>
      <PageHeader
        title="Portfolio overview"
        subtitle="Where the company is investing, what is at risk and what was decided."
      />
      <DashboardTiles />
      <div className="tiles">
        <StatTile label="Products" value={products.data ? products.data.length : '…'} />
        <StatTile
          label="Initiatives"
          value={initiatives.data ? initiatives.data.length : '…'}
          detail={`${proposed} proposed, awaiting a decision`}
        />
        <StatTile
          label="New feedback"
          value={
            newFeedback.data
              ? `${fmtNumber(newFeedback.data.items.length)}${newFeedback.data.nextCursor ? '+' : ''}`
              : '…'
          }
          detail="untriaged items in the inbox"
        />
      </div>
      <NeedsDecisionCard />
      <PortfolioMatrices />
      <div className="grid-2">
        <Card title="Products by lifecycle stage">
          <QueryState query={products} label="products" empty="No products yet">
            {(rows) => (
              <Chart option={stageOption} label="Bar chart of the number of products in each lifecycle stage">
                {STAGES.map(
                  (s) => `${humanize(s)}: ${rows.filter((p) => p.lifecycleStage === s).length}`,
                ).join(', ')}
              </Chart>
            )}
          </QueryState>
        </Card>
        <Card title="Recent decisions" actions={<Link to="/decisions">Decision log</Link>}>
          <QueryState query={decisions} label="decisions" empty="No decisions recorded yet">
            {(rows) => (
              <ul className="plain-list">
                {rows.slice(0, 6).map((d) => (
                  <li key={d.id}>
                    <Tag tone="info">{humanize(d.kind)}</Tag> <strong>{d.title}</strong>
                    <div className="muted small">
                      {fmtDate(d.createdAt)} · {d.actorName}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </Card>
      </div>
      <Card title="Largest open risks" actions={<Link to="/risks">All risks</Link>}>
        <QueryState query={risks} label="risks" empty="No risks recorded">
          {() => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Exposure
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...openRisks]
                  .sort((a, b) => b.probability * b.impact - a.probability * a.impact)
                  .slice(0, 5)
                  .map((r) => (
                    <tr key={r.id}>
                      <td>{r.title}</td>
                      <td>
                        <Tag tone={toneOf(r.status)}>{humanize(r.status)}</Tag>
                      </td>
                      <td className="num">{fmtMoney(r.probability * r.impact)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
    </>
  );
}
