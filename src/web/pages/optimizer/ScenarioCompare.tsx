import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';
import { listPath } from '../../api/lists.ts';
import type { ComparedScenario, ScenarioComparison } from '../../api/optimizer.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtMoney, humanize } from '../../format/format.ts';
import { fmtValue } from './RunReport.tsx';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function peakUtilization(s: ComparedScenario): number | null {
  let peak: number | null = null;
  for (const r of s.totals.utilizationPerRole)
    for (const p of r.periods) if (p.utilization !== null) peak = Math.max(peak ?? 0, p.utilization);
  return peak;
}

/** Two saved scenarios side by side: value, cost, peak utilization, initiatives only in one, rescheduled. */
export function ScenarioCompare({ a, b }: { a: string; b: string }) {
  const cmp = useQuery({
    queryKey: ['scenarios', 'compare', a, b],
    queryFn: ({ signal }) => apiGet<ScenarioComparison>(listPath('scenarios/compare', { a, b }), signal),
  });
  return (
    <QueryState query={cmp} label="the comparison">
      {(c) => {
        const name = (id: string) => c.names[id] ?? id;
        const sides = [c.a, c.b];
        const rows: [string, (s: ComparedScenario) => string][] = [
          ['Objective', (s) => humanize(s.objective)],
          ['Status', (s) => `${humanize(s.status)} (${s.resultStatus})`],
          ['Value', (s) => fmtValue(s.objective, s.totals.value)],
          ['Score ranking at the same budget', (s) => fmtValue(s.objective, s.baselineValue)],
          ['Initiatives funded', (s) => String(s.totals.count)],
          ['Cost over the plan', (s) => fmtMoney(sum(s.totals.costPerPeriod.map((p) => p.cost)))],
          ['Budget over the plan', (s) => fmtMoney(sum(s.totals.costPerPeriod.map((p) => p.budget)))],
          [
            'Peak role utilization',
            (s) => {
              const p = peakUtilization(s);
              return p === null ? '—' : `${Math.round(p * 100)} %`;
            },
          ],
        ];
        return (
          <Card title="Side by side">
            <table className="table" data-testid="comparison">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Figure</span>
                  </th>
                  {sides.map((s) => (
                    <th key={s.id} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, f]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {sides.map((s) => (
                      <td key={s.id}>{f(s)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="grid-2">
              <section aria-label={`Only in ${c.a.name}`}>
                <h3 className="small">Only in {c.a.name}</h3>
                <ul className="plain-list">
                  {c.comparison.onlyInA.map((id) => (
                    <li key={id}>{name(id)}</li>
                  ))}
                  {c.comparison.onlyInA.length === 0 && <li className="muted">None</li>}
                </ul>
              </section>
              <section aria-label={`Only in ${c.b.name}`}>
                <h3 className="small">Only in {c.b.name}</h3>
                <ul className="plain-list">
                  {c.comparison.onlyInB.map((id) => (
                    <li key={id}>{name(id)}</li>
                  ))}
                  {c.comparison.onlyInB.length === 0 && <li className="muted">None</li>}
                </ul>
              </section>
            </div>
            <p className="small">
              In both: {c.comparison.inBoth.length}
              {c.comparison.rescheduled.length > 0 &&
                ` · rescheduled: ${c.comparison.rescheduled
                  .map((r) => `${name(r.id)} (${r.optionA ?? '—'} → ${r.optionB ?? '—'})`)
                  .join(', ')}`}
            </p>
          </Card>
        );
      }}
    </QueryState>
  );
}
