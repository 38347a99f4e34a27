import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';
import type { ScenarioSummary } from '../../api/optimizer.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate, humanize } from '../../format/format.ts';
import { Link } from '../../router/Link.tsx';
import { useQueryParam } from '../../router/useQueryParam.ts';
import { fmtValue } from './RunReport.tsx';
import { ScenarioCompare } from './ScenarioCompare.tsx';
import { ScenarioDetail } from './ScenarioDetail.tsx';

/** Saved scenarios: the list, one scenario (?scenario=) or two side by side (?a=&b=). */
export function ScenariosPanel() {
  const [scenario, setScenario] = useQueryParam('scenario');
  const [a, setA] = useQueryParam('a');
  const [b, setB] = useQueryParam('b');
  const list = useQuery({
    queryKey: ['scenarios'],
    queryFn: ({ signal }) =>
      apiGet<{ items: ScenarioSummary[] }>('/api/v1/scenarios', signal).then((r) => r.items),
  });
  if (scenario) return <ScenarioDetail id={scenario} onClose={() => setScenario('')} />;
  const options = (list.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <>
      <Card title="Saved scenarios">
        <QueryState
          query={list}
          label="scenarios"
          empty="No saved scenarios yet"
          emptyHint="Run the optimizer and save the result as a scenario."
        >
          {(rows) => (
            <table className="table" data-testid="scenarios">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Status</th>
                  <th scope="col">Objective</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    Score ranking
                  </th>
                  <th scope="col" className="num">
                    Funded
                  </th>
                  <th scope="col">Saved</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/optimizer?tab=scenarios&scenario=${s.id}`}>{s.name}</Link>
                      {s.description && <div className="muted small">{s.description}</div>}
                    </td>
                    <td>
                      <Tag tone={s.status === 'committed' ? 'success' : 'neutral'}>{humanize(s.status)}</Tag>{' '}
                      <span className="muted small">{s.resultStatus}</span>
                    </td>
                    <td>{humanize(s.objective)}</td>
                    <td className="num">{fmtValue(s.objective ?? '', s.value)}</td>
                    <td className="num">{fmtValue(s.objective ?? '', s.baselineValue)}</td>
                    <td className="num">{s.count}</td>
                    <td>
                      {fmtDate(s.createdAt)} <span className="muted small">{s.createdBy}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
      {options.length >= 2 && (
        <Card title="Compare two scenarios">
          <div className="filters">
            <SelectFilter
              id="cmp-a"
              label="Scenario A"
              value={a}
              onChange={setA}
              options={options}
              allLabel="Choose…"
            />
            <SelectFilter
              id="cmp-b"
              label="Scenario B"
              value={b}
              onChange={setB}
              options={options}
              allLabel="Choose…"
            />
          </div>
          {a && b && a !== b ? (
            <ScenarioCompare a={a} b={b} />
          ) : (
            <p className="muted">Choose two different scenarios.</p>
          )}
        </Card>
      )}
    </>
  );
}
