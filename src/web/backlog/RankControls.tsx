import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { issueFor, request } from '../api/client.ts';
import type { Feature } from '../api/types.ts';
import { describedBy, Field } from '../components/Field.tsx';
import { FormError } from '../components/FormError.tsx';

type Ranked = Feature & { manualRank?: number | null; rankRationale?: string | null };
/** Both routes answer the changed feature and the decision they recorded. */
type Decided = { feature: Feature; decision: { id: string } };

/**
 * The product manager's word over the computed order: place a feature by hand in its product's ranked
 * backlog, or pull a parked feature back — each with a rationale that lands in the decision log.
 */
export function RankControls({ feature, onChanged }: { feature: Ranked; onChanged: (f: Feature) => void }) {
  const qc = useQueryClient();
  const parked = feature.status === 'parking_lot';
  const [rank, setRank] = useState(feature.manualRank ? String(feature.manualRank) : '');
  const [rationale, setRationale] = useState('');
  const send = useMutation({
    mutationFn: () =>
      parked
        ? request<Decided>('POST', `/api/v1/features/${feature.id}/pull-back`, { rationale })
        : request<Decided>('POST', `/api/v1/features/${feature.id}/rank`, {
            rank: rank.trim() === '' ? null : Number(rank),
            rationale,
          }),
    onSuccess: ({ feature: f }) => {
      setRationale('');
      qc.setQueryData(['entity', 'features', f.id], f);
      qc.invalidateQueries({ queryKey: ['ranked-backlog'] });
      qc.invalidateQueries({ queryKey: ['list', 'decisions'] });
      onChanged(f);
    },
  });
  const id = `rank-${feature.id}`;
  const rankError = issueFor(send.error, 'rank');
  const whyError = issueFor(send.error, 'rationale');
  return (
    <form
      className="rank-controls"
      aria-label={parked ? 'Pull back from the parking lot' : 'Manual rank'}
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <h4 className="small">
        {parked ? 'Pull back from the parking lot' : 'Place by hand in the ranked backlog'}
      </h4>
      {!parked && feature.manualRank ? (
        <p className="muted small">
          Placed by hand at #{feature.manualRank}
          {feature.rankRationale ? `: ${feature.rankRationale}` : ''}
        </p>
      ) : null}
      <div className="form-grid">
        {!parked && (
          <Field id={`${id}-rank`} label="Rank (empty: back to the computed order)" error={rankError}>
            <input
              id={`${id}-rank`}
              type="number"
              min={1}
              value={rank}
              onChange={(e) => setRank(e.target.value)}
              aria-invalid={rankError ? true : undefined}
              aria-describedby={describedBy(`${id}-rank`, rankError)}
            />
          </Field>
        )}
        <Field id={`${id}-why`} label="Rationale (recorded in the decision log)" error={whyError}>
          <input
            id={`${id}-why`}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            aria-invalid={whyError ? true : undefined}
            aria-describedby={describedBy(`${id}-why`, whyError)}
          />
        </Field>
      </div>
      <FormError error={send.error} fields={['rank', 'rationale']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-secondary btn-small" disabled={send.isPending}>
          {parked ? 'Pull back' : 'Set rank'}
        </button>
      </div>
    </form>
  );
}
