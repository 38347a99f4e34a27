import { useState } from 'react';
import type { Segment } from '../../api/types.ts';
import { useUpdate } from '../../api/useUpdate.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';

type SwotItem = Segment['swot'][number];
const KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
const TITLES = {
  strength: 'Strengths',
  weakness: 'Weaknesses',
  opportunity: 'Opportunities',
  threat: 'Threats',
};

/** The segment's SWOT in four quadrants, editable by portfolio managers (score 1–5 per item). */
export function SwotCard({ segment, editable }: { segment: Segment; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [items, setItems] = useState<SwotItem[]>(segment.swot);
  const update = useUpdate<Segment>('segments', segment);
  const start = () => {
    setItems(segment.swot);
    setEditing(true);
  };
  const save = () => update.mutate({ swot: items }, { onSuccess: () => setEditing(false) });
  const setItem = (index: number, patch: Partial<SwotItem>) =>
    setItems(items.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const actions = editable && !editing && (
    <button type="button" className="btn btn-secondary btn-small" onClick={start}>
      Edit SWOT
    </button>
  );
  return (
    <Card title="SWOT" actions={actions}>
      <div className="swot">
        {KINDS.map((kind) => (
          <div key={kind} className={`swot-quadrant swot-${kind}`}>
            <h3>{TITLES[kind]}</h3>
            {!editing ? (
              <ul className="plain-list small">
                {segment.swot
                  .filter((it) => it.kind === kind)
                  .map((it) => (
                    <li key={`${it.kind}:${it.text}`}>
                      {it.text} <span className="muted">({it.score}/5)</span>
                    </li>
                  ))}
              </ul>
            ) : (
              <>
                {items.map((it, i) =>
                  it.kind !== kind ? null : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; the index is their identity
                    <div key={i} className="row-item">
                      <input
                        type="text"
                        aria-label={`${TITLES[kind]} item ${i + 1}`}
                        value={it.text}
                        onChange={(e) => setItem(i, { text: e.target.value })}
                      />
                      <input
                        type="number"
                        min={1}
                        max={5}
                        aria-label={`Score of ${TITLES[kind]} item ${i + 1} (1–5)`}
                        value={it.score}
                        onChange={(e) => setItem(i, { score: Number(e.target.value) })}
                      />
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        aria-label={`Remove ${TITLES[kind]} item ${i + 1}`}
                        onClick={() => setItems(items.filter((_, j) => j !== i))}
                      >
                        ✕
                      </button>
                    </div>
                  ),
                )}
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setItems([...items, { kind, text: '', score: 3 }])}
                >
                  + Add {kind}
                </button>
              </>
            )}
          </div>
        ))}
      </div>
      {editing && (
        <>
          <FormError error={update.error} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={save} disabled={update.isPending}>
              Save SWOT
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
