import { useState } from 'react';
import type { Segment } from '../../api/types.ts';
import { useUpdate } from '../../api/useUpdate.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';

/** What the segment buys from us and why, in its own words. */
export function ValuePropositionCard({ segment, editable }: { segment: Segment; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(segment.valueProposition);
  const update = useUpdate<Segment>('segments', segment);
  return (
    <Card
      title="Value proposition"
      actions={
        editable &&
        !editing && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setText(segment.valueProposition);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )
      }
    >
      {!editing ? (
        <p>{segment.valueProposition || <span className="muted">Not written yet.</span>}</p>
      ) : (
        <>
          <label htmlFor="value-proposition" className="visually-hidden">
            Value proposition
          </label>
          <textarea id="value-proposition" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          <FormError error={update.error} />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={update.isPending}
              onClick={() =>
                update.mutate({ valueProposition: text }, { onSuccess: () => setEditing(false) })
              }
            >
              Save
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Card>
  );
}
