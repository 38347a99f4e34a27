import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { apiGet, request } from '../api/client.ts';
import type { PortfolioFinance, SimulationResult } from '../api/finance.ts';
import { Card } from '../components/Card.tsx';
import { Chart } from '../components/Chart.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { Field } from '../components/Field.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { StatTile } from '../components/StatTile.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtMoney, fmtNumber, fmtPercent, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { cashFlowOption, histogramOption, tornadoOption } from './finance/financeCharts.ts';

const STAGE_CHOICES = [
  { value: '', label: 'Funded (approved, active, done)' },
  { value: 'proposed,approved,active,done', label: 'Funded and proposed' },
  { value: 'proposed', label: 'Proposed only' },
];

const orDash = (v: number | null, f: (n: number) => string) => (v === null ? '—' : f(v));

/**
 * Return and risk of the portfolio: NPV, ROI, payback and IRR with the quarterly cash flows, the
 * figures per product and initiative, and a Monte Carlo of portfolio value (histogram and tornado).
 */
export function FinancePage() {
  const [stage, setStage] = useQueryParam('stage');
  const finance = useQuery({
    queryKey: ['finance', 'portfolio', stage],
    queryFn: ({ signal }) =>
      apiGet<PortfolioFinance>(
        `/api/v1/finance/portfolio${stage ? `?stage=${encodeURIComponent(stage)}` : ''}`,
        signal,
      ),
  });
  return (
    <>
      <PageHeader
        title="Finance"
        subtitle="What the portfolio returns, when it pays back, and how sure that is."
      />
      <Card>
        <div className="filters">
          <div className="field">
            <label htmlFor="finance-stage">Initiatives</label>
            <select id="finance-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
              {STAGE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <QueryState query={finance} label="portfolio finance">
          {(f) => <FinanceFigures finance={f} />}
        </QueryState>
      </Card>
      <MonteCarlo stages={stage} />
    </>
  );
}

function FinanceFigures({ finance }: { finance: PortfolioFinance }) {
  const p = finance.portfolio;
  const option = useMemo(() => cashFlowOption(p.cashFlows), [p.cashFlows]);
  const initiatives = [...finance.initiatives].sort((a, b) => b.npv - a.npv);
  return (
    <>
      <div className="tiles">
        <StatTile
          label="NPV"
          value={fmtMoney(p.npv)}
          detail={`at ${fmtPercent(p.discountRate)} per quarter, from ${p.asOf}`}
        />
        <StatTile
          label="ROI"
          value={orDash(p.roi, fmtPercent)}
          detail={`${fmtMoney(p.totalBenefit)} back on ${fmtMoney(p.totalCost)}`}
        />
        <StatTile
          label="Payback"
          value={p.paybackQuarter ?? 'not within the horizon'}
          detail={p.paybackPeriod === null ? undefined : `${fmtNumber(p.paybackPeriod)} quarters`}
        />
        <StatTile label="IRR" value={orDash(p.irr, fmtPercent)} detail="per quarter" />
      </div>
      <h2 className="small">Cash flows per quarter</h2>
      <Chart
        option={option}
        height={300}
        label="Bar chart of cost and benefit per quarter with the cumulative net line"
      >
        {p.cashFlows
          .map(
            (r) =>
              `${r.period}: cost ${fmtMoney(r.cost)}, benefit ${fmtMoney(r.benefit)}, cumulative ${fmtMoney(r.cumulative)}`,
          )
          .join('; ')}
      </Chart>
      <div className="grid-2">
        <div>
          <h2 className="small">By product</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Initiatives
                </th>
                <th scope="col" className="num">
                  NPV
                </th>
                <th scope="col" className="num">
                  ROI
                </th>
              </tr>
            </thead>
            <tbody>
              {finance.products.map((r) => (
                <tr key={r.productId}>
                  <td>{r.name}</td>
                  <td className="num">{r.initiativeCount}</td>
                  <td className="num">{fmtMoney(r.npv)}</td>
                  <td className="num">{orDash(r.roi, fmtPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h2 className="small">By initiative (highest NPV first)</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  NPV
                </th>
                <th scope="col" className="num">
                  IRR
                </th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>
                    <Tag tone={toneOf(r.stage)}>{humanize(r.stage)}</Tag>
                  </td>
                  <td className="num">{fmtMoney(r.npv)}</td>
                  <td className="num">{orDash(r.irr, fmtPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

function MonteCarlo({ stages }: { stages: string }) {
  const [trials, setTrials] = useState('10000');
  const [target, setTarget] = useState('');
  const run = useMutation({
    mutationFn: () =>
      request<SimulationResult>('POST', '/api/v1/simulations', {
        trials: Number(trials),
        ...(target.trim() === '' ? {} : { target: Number(target) }),
        ...(stages ? { stages: stages.split(',') } : {}),
      }),
  });
  const sim = run.data;
  const hist = useMemo(() => (sim ? histogramOption(sim) : null), [sim]);
  const tornado = useMemo(() => (sim ? tornadoOption(sim) : null), [sim]);
  return (
    <Card title="How sure is it? Monte Carlo of portfolio value">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <Field id="sim-trials" label="Trials" hint="1 to 1,000,000; the run is seeded, so it repeats exactly">
          <input
            id="sim-trials"
            type="number"
            min={1}
            max={1000000}
            value={trials}
            onChange={(e) => setTrials(e.target.value)}
          />
        </Field>
        <Field id="sim-target" label="Target value (optional)" hint="the chance of reaching it is reported">
          <input id="sim-target" type="number" value={target} onChange={(e) => setTarget(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={run.isPending}>
          {run.isPending ? 'Simulating…' : 'Run simulation'}
        </button>
      </form>
      {run.isError && <ErrorPanel error={run.error} onRetry={() => run.mutate()} />}
      {sim && hist && tornado && (
        <>
          <div className="tiles">
            <StatTile label="P10" value={fmtMoney(sim.p10)} detail="9 in 10 outcomes are above" />
            <StatTile label="P50" value={fmtMoney(sim.p50)} detail={`mean ${fmtMoney(sim.mean)}`} />
            <StatTile label="P90" value={fmtMoney(sim.p90)} detail="1 in 10 outcomes are above" />
            {sim.probabilityOfTarget !== null && (
              <StatTile
                label="Chance of the target"
                value={fmtPercent(sim.probabilityOfTarget)}
                detail={fmtMoney(sim.target ?? 0)}
              />
            )}
          </div>
          <div className="grid-2">
            <div>
              <h2 className="small">Outcomes over {fmtNumber(sim.trials)} trials</h2>
              <Chart option={hist} height={300} label="Histogram of simulated portfolio values">
                {`P10 ${fmtMoney(sim.p10)}, P50 ${fmtMoney(sim.p50)}, P90 ${fmtMoney(sim.p90)}`}
              </Chart>
            </div>
            <div>
              <h2 className="small">What moves the outcome most</h2>
              <Chart
                option={tornado}
                height={300}
                label="Tornado chart of the initiatives that swing portfolio value most"
              >
                {sim.tornado
                  .slice(0, 8)
                  .map((r) => `${r.name}: ${fmtMoney(r.low)} to ${fmtMoney(r.high)}`)
                  .join('; ')}
              </Chart>
            </div>
          </div>
        </>
      )}
    </Card>
  );
}
