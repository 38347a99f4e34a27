import { type FormEvent, useMemo } from 'react';
import { issueFor } from '../../api/client.ts';
import type { PortfolioFrontier } from '../../api/optimizer.ts';
import { runFrontier } from '../../api/optimizerJobs.ts';
import { Card } from '../../components/Card.tsx';
import { Chart } from '../../components/Chart.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { fmtMoney, fmtNumber, humanize } from '../../format/format.ts';
import { useLocation } from '../../router/router.ts';
import { useQueryParam } from '../../router/useQueryParam.ts';
import { bodyFromState, stateFromSearch } from './constraintsState.ts';
import { frontierOption } from './frontierOption.ts';
import { RunProgress } from './RunProgress.tsx';
import { fmtValue } from './RunReport.tsx';
import { useLongCall } from './useLongCall.ts';

/**
 * The efficient frontier under the constraints of the Run tab (same URL): every quarter's budget scaled
 * from `from` to `to`, the optimizer's best value at each level beside score ranking's.
 */
export function FrontierPanel() {
  const { search } = useLocation();
  const [levels, setLevels] = useQueryParam('levels');
  const [from, setFrom] = useQueryParam('from');
  const [to, setTo] = useQueryParam('to');
  const call = useLongCall<PortfolioFrontier>();
  const draw = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...bodyFromState(stateFromSearch(search)),
      ...(levels ? { levels: Number(levels) } : {}),
      ...(from ? { from: Number(from) / 100 } : {}),
      ...(to ? { to: Number(to) / 100 } : {}),
    };
    call.start((onProgress, signal) => runFrontier(body, onProgress, signal));
  };
  const option = useMemo(() => (call.result ? frontierOption(call.result) : null), [call.result]);
  const err = (f: string) => issueFor(call.error, f);
  return (
    <>
      <Card title="Efficient frontier">
        <p className="muted small">
          The best value reachable at each budget level, with the other constraints of the Run tab, beside
          what score ranking funds at the same budget.
        </p>
        <form onSubmit={draw} aria-label="Frontier levels">
          <div className="form-grid">
            <Field id="fr-levels" label="Budget levels" hint="20–60; default 21" error={err('levels')}>
              <input
                id="fr-levels"
                inputMode="numeric"
                value={levels}
                placeholder="21"
                onChange={(e) => setLevels(e.target.value)}
                aria-invalid={Boolean(err('levels'))}
                aria-describedby={describedBy('fr-levels', err('levels'), 'hint')}
              />
            </Field>
            <Field id="fr-from" label="From (% of the budget)" hint="default 20" error={err('from')}>
              <input
                id="fr-from"
                inputMode="decimal"
                value={from}
                placeholder="20"
                onChange={(e) => setFrom(e.target.value)}
                aria-invalid={Boolean(err('from'))}
                aria-describedby={describedBy('fr-from', err('from'), 'hint')}
              />
            </Field>
            <Field id="fr-to" label="To (% of the budget)" hint="default 150" error={err('to')}>
              <input
                id="fr-to"
                inputMode="decimal"
                value={to}
                placeholder="150"
                onChange={(e) => setTo(e.target.value)}
                aria-invalid={Boolean(err('to'))}
                aria-describedby={describedBy('fr-to', err('to'), 'hint')}
              />
            </Field>
          </div>
          <FormError error={call.error} fields={['levels', 'from', 'to']} />
          <button type="submit" className="btn btn-primary" disabled={call.running}>
            Draw frontier
          </button>
        </form>
      </Card>
      {call.running && (
        <RunProgress
          what="Solving every budget level"
          progress={call.progress}
          elapsed={call.elapsed}
          onCancel={call.cancel}
        />
      )}
      {call.result && option && (
        <Card title={`Value per budget (${humanize(call.result.objective)})`}>
          <Chart
            option={option}
            height={320}
            label="Line chart of the optimizer's best value per budget level beside score ranking's"
          >
            {call.result.points
              .map(
                (p) =>
                  `budget ${fmtMoney(p.budget)}: optimizer ${fmtValue(call.result!.objective, p.value)}, score ranking ${fmtValue(call.result!.objective, p.rankingValue)}`,
              )
              .join('; ')}
          </Chart>
          <p className="muted small" data-testid="frontier-summary">
            {call.result.points.length} budget levels in {fmtNumber(call.result.seconds)} s.
          </p>
        </Card>
      )}
    </>
  );
}
