import { type FormEvent, useState } from 'react';
import { issueFor } from '../../api/client.ts';
import type { Segment } from '../../api/types.ts';
import { useUpdate } from '../../api/useUpdate.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

/** A manual place in the pecking order, which needs a rationale (the API refuses one without). */
export function OverrideRankCard({ segment, editable }: { segment: Segment; editable: boolean }) {
  const [rank, setRank] = useState(segment.overrideRank ? String(segment.overrideRank) : '');
  const [rationale, setRationale] = useState(segment.overrideRationale ?? '');
  const update = useUpdate<Segment>('segments', segment);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      overrideRank: rank.trim() === '' ? null : Number(rank),
      overrideRationale: rank.trim() === '' ? null : rationale,
    });
  };
  const rankError = issueFor(update.error, 'overrideRank');
  const rationaleError = issueFor(update.error, 'overrideRationale');
  return (
    <Card title="Rank override">
      {!editable ? (
        segment.overrideRank ? (
          <p>
            Placed at <strong>#{segment.overrideRank}</strong> by hand: {segment.overrideRationale}
          </p>
        ) : (
          <p className="muted">The computed pecking order applies (no manual override).</p>
        )
      ) : (
        <form onSubmit={submit} aria-label="Override rank">
          <Field id="override-rank" label="Manual rank (empty = computed)" error={rankError}>
            <input
              id="override-rank"
              type="number"
              min={1}
              value={rank}
              onChange={(e) => setRank(e.target.value)}
              aria-invalid={Boolean(rankError)}
              aria-describedby={describedBy('override-rank', rankError)}
            />
          </Field>
          <Field id="override-rationale" label="Rationale" error={rationaleError}>
            <textarea
              id="override-rationale"
              rows={2}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              aria-invalid={Boolean(rationaleError)}
              aria-describedby={describedBy('override-rationale', rationaleError)}
            />
          </Field>
          <FormError error={update.error} fields={['overrideRank', 'overrideRationale']} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={update.isPending}>
              Save override
            </button>
            {update.isSuccess && (
              <span role="status" className="success-text">
                Saved.
              </span>
            )}
          </div>
        </form>
      )}
    </Card>
  );
}
