import type { PortfolioRun, TruncatedList } from '../../api/optimizer.ts';
import { Card } from '../../components/Card.tsx';
import { StatTile } from '../../components/StatTile.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtMoney, fmtNumber, fmtPercent, humanize } from '../../format/format.ts';

const STATUS_TONE = {
  optimal: 'success',
  feasible: 'info',
  infeasible: 'danger',
  unknown: 'warning',
} as const;

/** A value under the run's objective: money for NPV objectives, a score for strategic value. */
export function fmtValue(objective: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return objective === 'strategic_value' ? fmtNumber(v) : fmtMoney(v);
}

/** "50 of 320" for a list the summary cut, the plain count otherwise. */
function countOf(run: PortfolioRun, list: TruncatedList, length: number): string {
  const t = run.truncated?.[list];
  return t ? `${fmtNumber(t.shown)} of ${fmtNumber(t.total)}` : fmtNumber(length);
}

/**
 * What one optimizer run found: status, objective, bound and gap; the funded initiatives beside what
 * score ranking funds at the same budget; why each left-out initiative is out; the conflicts when
 * nothing fits.
 */
export function RunReport({
  run,
  onShowAll,
  loadingAll = false,
}: {
  run: PortfolioRun;
  /** Asks for the full report when this one is a summary. */
  onShowAll?: () => void;
  loadingAll?: boolean;
}) {
  const { result, constraints } = run;
  const objective = constraints.objective;
  // A summary marks membership itself: its lists are cut, so sets of what it shows would be wrong.
  const inOptimizer = new Set(run.selection.map((s) => s.id));
  const inRanking = new Set(run.baseline.selected.map((s) => s.id));
  const cut = Object.keys(run.truncated ?? {}).some((k) => k !== 'names');
  const totalCost = run.truncated?.selection
    ? run.totals.costPerPeriod.reduce((s, x) => s + x.cost, 0)
    : run.selection.reduce((s, x) => s + x.cost, 0);
  const budget = run.totals.costPerPeriod.reduce((s, x) => s + x.budget, 0);
  return (
    <div className="run-report" data-testid="run-report">
      {cut && (
        <div className="callout" role="note" data-testid="report-summary-note">
          <p className="small">
            A summary: the long lists show their first entries (funded initiatives and score ranking by value,
            the most valuable exclusions first).{' '}
            {onShowAll && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={onShowAll}
                disabled={loadingAll}
              >
                {loadingAll ? 'Loading the full report…' : 'Show the full report'}
              </button>
            )}
          </p>
        </div>
      )}
      <div className="tiles">
        <StatTile
          label="Status"
          value={<Tag tone={STATUS_TONE[result.status]}>{humanize(result.status)}</Tag>}
          detail={`${humanize(result.method)} method, ${fmtNumber(result.seconds)} s`}
        />
        <StatTile
          label={`Objective (${humanize(objective)})`}
          value={fmtValue(objective, result.objective)}
          detail={`bound ${fmtValue(objective, result.bound)}`}
        />
        <StatTile
          label="Gap"
          value={result.gap === null ? '—' : fmtPercent(result.gap)}
          detail="distance to the proven bound"
        />
        <StatTile
          label="Versus score ranking"
          value={run.improvement === null ? '—' : `+${fmtValue(objective, run.improvement)}`}
          detail={`score ranking reaches ${fmtValue(objective, run.baseline.value)} at the same budget`}
        />
      </div>
      {run.warnings.length > 0 && (
        <div className="callout" role="note">
          {run.warnings.map((w) => (
            <p key={w} className="small">
              {w}
            </p>
          ))}
          {run.truncated?.warnings && (
            <p className="small muted">{countOf(run, 'warnings', run.warnings.length)} warnings shown.</p>
          )}
        </div>
      )}
      {run.conflicts && (
        <Card title="Why nothing fits">
          <p>
            These constraints cannot all hold{run.conflicts.minimal ? ' (a minimal conflicting set)' : ''}:
          </p>
          <ul data-testid="conflicts">
            {run.conflicts.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </Card>
      )}
      <div className="grid-2">
        <Card title={`Funded by the optimizer (${countOf(run, 'selection', run.selection.length)})`}>
          {run.selection.length === 0 ? (
            <p className="muted">Nothing is funded.</p>
          ) : (
            <table className="table" data-testid="selection">
              <thead>
                <tr>
                  <th scope="col">Initiative</th>
                  <th scope="col">Start</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    Cost in plan
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.selection.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.name}{' '}
                      {!(s.inScoreRanking ?? inRanking.has(s.id)) && (
                        <Tag tone="accent">not in score ranking</Tag>
                      )}
                      <div className="muted small">{humanize(s.stage)}</div>
                    </td>
                    <td>{s.startPeriod}</td>
                    <td className="num">{fmtValue(objective, s.value)}</td>
                    <td className="num">{fmtMoney(s.cost)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total (budget {fmtMoney(budget)})
                  </th>
                  <td className="num">{fmtMoney(totalCost)}</td>
                </tr>
              </tfoot>
            </table>
          )}
        </Card>
        <Card
          title={`Score ranking at the same budget (${countOf(run, 'baseline.selected', run.baseline.selected.length)})`}
        >
          <p className="muted small">
            Rank by value and fund down the list while it fits: value{' '}
            {fmtValue(objective, run.baseline.value)}
            {run.baseline.feasible ? '' : ' (breaks a rule: not a valid plan)'}.
          </p>
          <ul className="plain-list" data-testid="baseline">
            {run.baseline.selected.map((s) => (
              <li key={s.id}>
                {s.name}{' '}
                {!(s.inOptimizer ?? inOptimizer.has(s.id)) && (
                  <Tag tone="warning">left out by the optimizer</Tag>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      {run.explanations.length > 0 && (
        <Card
          title={`Why the others are left out${run.truncated?.explanations ? ` (${countOf(run, 'explanations', run.explanations.length)}, most valuable first)` : ''}`}
        >
          <ul className="plain-list" data-testid="explanations">
            {run.explanations.map((e) => (
              <li key={e.item}>
                <strong>{e.name}</strong>{' '}
                <span className="muted small">value {fmtValue(objective, e.value)}</span>
                <div className="small">{e.text}</div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Cost against budget per quarter">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Used
              </th>
            </tr>
          </thead>
          <tbody>
            {run.totals.costPerPeriod.map((p) => (
              <tr key={p.period}>
                <td>{p.period}</td>
                <td className="num">{fmtMoney(p.cost)}</td>
                <td className="num">{fmtMoney(p.budget)}</td>
                <td className="num">{p.budget > 0 ? fmtPercent(p.cost / p.budget) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
