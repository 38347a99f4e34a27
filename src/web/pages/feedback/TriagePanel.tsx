import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patchRow } from '../../api/patch.ts';
import type { Feature, Feedback, FeedbackLink, Product } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Tag } from '../../components/Tag.tsx';
import { humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';
import { LinkedFeature } from './LinkedFeature.tsx';
import { LinkFeatureForm } from './LinkFeatureForm.tsx';
import { NewFeatureForm } from './NewFeatureForm.tsx';

/** A feedback item with its "why", the features it is linked to, and the triage actions. */
export function TriagePanel({
  item,
  canTriage,
  customer,
  segment,
}: {
  item: Feedback;
  canTriage: boolean;
  customer?: string;
  segment?: string;
}) {
  const qc = useQueryClient();
  const session = useSession();
  const links = useList<FeedbackLink>('feedback-links', { feedbackId: item.id });
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const writable = (products.data ?? []).filter((p) => session.canWriteProduct(p));
  const markTriaged = useMutation({
    mutationFn: () => patchRow<Feedback>('feedback', item, { status: 'triaged' }),
    onSuccess: async (f) => {
      qc.setQueryData(['entity', 'feedback', f.id], f);
      await qc.invalidateQueries({ queryKey: ['list'] });
    },
  });
  const onLinked = () => qc.invalidateQueries({ queryKey: ['list', 'feedback-links'] });

  return (
    <Card title="Feedback item">
      <p>
        <Tag tone={toneOf(item.status)}>{humanize(item.status)}</Tag> <strong>{item.text}</strong>
      </p>
      {item.why && (
        <p className="callout">
          <strong>Why:</strong> {item.why}
        </p>
      )}
      <p className="muted small">
        Source {humanize(item.source)} · Customer {customer ?? '—'} · Segment {segment ?? '—'}
      </p>
      <h3 className="small">Linked features</h3>
      {links.isPending ? (
        <p className="muted small">Loading links…</p>
      ) : (links.data ?? []).length === 0 ? (
        <p className="muted small">Not linked to any feature yet.</p>
      ) : (
        <ul className="plain-list" data-testid="linked-features">
          {(links.data ?? []).map((l) => (
            <LinkedFeature key={l.id} link={l} />
          ))}
        </ul>
      )}
      {canTriage && (
        <>
          {writable.length === 0 ? (
            <p className="muted small">You own no product, so you cannot link feedback to features.</p>
          ) : (
            <>
              <LinkFeatureForm feedbackId={item.id} products={writable} onLinked={onLinked} />
              <NewFeatureForm
                feedbackId={item.id}
                products={writable}
                defaultTitle={item.text.slice(0, 120)}
                onLinked={(f: Feature) => {
                  onLinked();
                  qc.invalidateQueries({ queryKey: ['list', 'features'] });
                  return f;
                }}
              />
            </>
          )}
          <FormError error={markTriaged.error} />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-secondary"
              disabled={item.status === 'triaged' || markTriaged.isPending}
              onClick={() => markTriaged.mutate()}
            >
              {item.status === 'triaged' ? 'Triaged' : 'Mark triaged'}
            </button>
            {markTriaged.isSuccess && (
              <span role="status" className="success-text">
                Marked triaged.
              </span>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
