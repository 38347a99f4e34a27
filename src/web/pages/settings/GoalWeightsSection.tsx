import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, apiGet, request } from '../../api/client.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtNumber, fmtPercent } from '../../format/format.ts';
import { fmtJudgment, matrixFromWeights, nearestSaaty, SAATY, withJudgment } from './pairwise.ts';

interface GoalWeightsView {
  goals: { goalId: string; name: string; weight: number }[];
  pairwise: { goalIds: string[]; matrix: number[][]; consistencyRatio: number; savedAt: string } | null;
}

interface InconsistentPair {
  i: number;
  j: number;
  itemI: string;
  itemJ: string;
  given: number;
  implied: number;
  suggested: number;
}

const KEY = ['goals', 'weights'];

/** The 422 of an inconsistent matrix: its consistency ratio and the pair to revise. */
function inconsistency(err: unknown): { ratio: number; pair: InconsistentPair } | null {
  if (!(err instanceof ApiError) || err.status !== 422) return null;
  const pair = err.details.pair as InconsistentPair | undefined;
  const ratio = err.details.consistencyRatio as number | undefined;
  return pair && typeof ratio === 'number' ? { ratio, pair } : null;
}

/**
 * The pairwise (AHP) comparison of the goals: the upper triangle holds the judgments on Saaty's scale,
 * the lower one their reciprocals. The server derives the weights, or refuses a matrix whose consistency
 * ratio is above 0.1 naming the most inconsistent pair — shown beside the matrix, the cell marked.
 */
function PairwiseForm({ view, editable }: { view: GoalWeightsView; editable: boolean }) {
  const qc = useQueryClient();
  const goals = view.goals;
  const [matrix, setMatrix] = useState<number[][]>(() => {
    if (view.pairwise) {
      const at = new Map(view.pairwise.goalIds.map((id, k) => [id, k]));
      return goals.map((gi) =>
        goals.map((gj) => view.pairwise!.matrix[at.get(gi.goalId)!]![at.get(gj.goalId)!]!),
      );
    }
    return matrixFromWeights(goals.map((g) => g.weight));
  });
  const save = useMutation({
    mutationFn: () =>
      request<{ consistencyRatio: number }>('PUT', '/api/v1/goals/weights', {
        method: 'pairwise',
        goalIds: goals.map((g) => g.goalId),
        matrix,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const bad = inconsistency(save.error);
  const isBad = (i: number, j: number) =>
    bad !== null && ((bad.pair.i === i && bad.pair.j === j) || (bad.pair.i === j && bad.pair.j === i));
  return (
    <form onSubmit={submit} aria-label="Pairwise comparison of the goals">
      <p className="muted small">
        Each cell says how many times more important the row's goal is than the column's (Saaty's scale: 1
        equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more).
      </p>
      <div className="pairwise">
        <div className="timeline-scroll">
          <table className="table compact pairwise-matrix" data-testid="pairwise-matrix">
            <caption className="visually-hidden">Pairwise comparison matrix of the goals</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Row goal</span>
                </th>
                {goals.map((g, k) => (
                  <th key={g.goalId} scope="col" title={g.name}>
                    <span aria-hidden="true">{k + 1}</span>
                    <span className="visually-hidden">{g.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {goals.map((gi, i) => (
                <tr key={gi.goalId}>
                  <th scope="row">
                    {i + 1}. {gi.name}
                  </th>
                  {goals.map((gj, j) => (
                    <td key={gj.goalId} className={isBad(i, j) ? 'cell-inconsistent' : undefined}>
                      {i === j ? (
                        '1'
                      ) : i < j && editable ? (
                        <select
                          aria-label={`${gi.name} compared with ${gj.name}`}
                          aria-invalid={isBad(i, j)}
                          aria-describedby={isBad(i, j) ? 'pairwise-error' : undefined}
                          value={String(nearestSaaty(matrix[i]![j]!))}
                          onChange={(e) => setMatrix(withJudgment(matrix, i, j, Number(e.target.value)))}
                        >
                          {SAATY.map((v) => (
                            <option key={v} value={String(v)}>
                              {fmtJudgment(v)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className={i > j ? 'muted' : undefined}>{fmtJudgment(matrix[i]![j]!)}</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="pairwise-side">
          {bad ? (
            <div id="pairwise-error" className="form-error" role="alert" data-testid="pairwise-error">
              <p>
                <strong>Inconsistent: consistency ratio {fmtNumber(bad.ratio)} (at most 0.1).</strong>
              </p>
              <p>
                Revise <strong>{bad.pair.itemI}</strong> vs <strong>{bad.pair.itemJ}</strong>
                {`: you said ${fmtJudgment(bad.pair.given)}, the other judgments imply ${fmtNumber(bad.pair.implied)} — consider ${fmtJudgment(bad.pair.suggested)}.`}
              </p>
            </div>
          ) : (
            save.error !== null && <FormError error={save.error} />
          )}
          {save.isSuccess && (
            <p role="status" className="success-text">
              Weights saved (consistency ratio {fmtNumber(save.data.consistencyRatio)}).
            </p>
          )}
          {view.pairwise && !save.isSuccess && (
            <p className="muted small">
              Last accepted matrix: consistency ratio {fmtNumber(view.pairwise.consistencyRatio)}.
            </p>
          )}
        </div>
      </div>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            Derive weights from the matrix
          </button>
        </div>
      )}
    </form>
  );
}

/** Weights typed directly (any non-negative numbers; the server normalizes them to sum 1). */
function DirectWeightsForm({ view, editable }: { view: GoalWeightsView; editable: boolean }) {
  const qc = useQueryClient();
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.goals.map((g) => [g.goalId, String(Math.round(g.weight * 1000) / 10)])),
  );
  const save = useMutation({
    mutationFn: () =>
      request('PUT', '/api/v1/goals/weights', {
        method: 'direct',
        weights: Object.fromEntries(
          Object.entries(weights).map(([id, v]) => [
            id,
            v.trim() === '' || Number.isNaN(Number(v)) ? v : Number(v),
          ]),
        ),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  // Issues name the goal: weights.<goalId>.
  const errorFor = (id: string) =>
    save.error instanceof ApiError
      ? save.error.issues.find((i) => i.path[0] === 'weights' && i.path[1] === id)?.message
      : undefined;
  if (!editable)
    return (
      <ul className="plain-list" aria-label="Goal weights">
        {view.goals.map((g) => (
          <li key={g.goalId}>
            {g.name}: <strong>{fmtPercent(g.weight)}</strong>
          </li>
        ))}
      </ul>
    );
  return (
    <form onSubmit={submit} aria-label="Goal weights">
      <div className="form-grid">
        {view.goals.map((g) => {
          const id = `weight-${g.goalId}`;
          const error = errorFor(g.goalId);
          return (
            <Field key={g.goalId} id={id} label={g.name} error={error} hint={`now ${fmtPercent(g.weight)}`}>
              <input
                id={id}
                inputMode="decimal"
                value={weights[g.goalId] ?? ''}
                onChange={(e) => setWeights({ ...weights, [g.goalId]: e.target.value })}
                aria-invalid={Boolean(error)}
                aria-describedby={describedBy(id, error, 'hint')}
              />
            </Field>
          );
        })}
      </div>
      <FormError error={save.error} fields={['weights']} />
      {editable && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            Save weights
          </button>
          {save.isSuccess && (
            <span role="status" className="success-text">
              Saved (normalized to 100 %).
            </span>
          )}
        </div>
      )}
    </form>
  );
}

/** Settings → goal weights: the pairwise matrix (AHP) or direct weights. */
export function GoalWeightsSection() {
  const session = useSession();
  const editable = session.can('portfolio.write');
  const view = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiGet<GoalWeightsView>('/api/v1/goals/weights', signal),
  });
  return (
    <QueryState query={view} label="goal weights">
      {(v) =>
        v.goals.length === 0 ? (
          <Card>
            <p className="muted">No strategic goals yet.</p>
          </Card>
        ) : (
          <>
            <Card title="Pairwise comparison (AHP)">
              <PairwiseForm key={v.pairwise?.savedAt ?? 'weights'} view={v} editable={editable} />
            </Card>
            <Card title="Weights">
              <DirectWeightsForm key={v.goals.map((g) => g.weight).join(',')} view={v} editable={editable} />
            </Card>
          </>
        )
      }
    </QueryState>
  );
}
