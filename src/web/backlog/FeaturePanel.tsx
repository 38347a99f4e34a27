import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { issueFor } from '../api/client.ts';
import { patchRow } from '../api/patch.ts';
import type { Feature, Product, Release } from '../api/types.ts';
import { useEntity } from '../api/useEntity.ts';
import { useList } from '../api/useList.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { FormError } from '../components/FormError.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtNumber, humanize } from '../format/format.ts';
import { rice, wsjf } from '../format/scores.ts';
import { toneOf } from '../format/tones.ts';
import { RankControls } from './RankControls.tsx';

const STATUSES = ['idea', 'parking_lot', 'planned', 'in_progress', 'shipped', 'rejected'] as const;

/** One feature: its scores and spec, and (for its product's owner or a manager) status, release and parking. */
export function FeaturePanel({
  featureId,
  products,
  onClose,
  onSaved,
}: {
  featureId: string;
  products: Product[];
  onClose: () => void;
  onSaved: (f: Feature) => void;
}) {
  const feature = useEntity<Feature>('features', featureId);
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus when another feature is opened
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
  }, [featureId]);
  return (
    <div ref={ref} tabIndex={-1} className="feature-panel-wrap">
      <Card
        title="Feature"
        className="feature-panel"
        actions={
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={onClose}
            aria-label="Close the feature"
          >
            ✕
          </button>
        }
      >
        <QueryState query={feature} label="feature">
          {(f) => (
            <FeatureEditor
              key={f.id}
              feature={f}
              product={products.find((p) => p.id === f.productId)}
              onSaved={onSaved}
            />
          )}
        </QueryState>
      </Card>
    </div>
  );
}

function FeatureEditor({
  feature,
  product,
  onSaved,
}: {
  feature: Feature;
  product: Product | undefined;
  onSaved: (f: Feature) => void;
}) {
  const session = useSession();
  const qc = useQueryClient();
  const editable = session.canWriteProduct(product);
  const releases = useList<Release>('releases', { productId: feature.productId });
  const [status, setStatus] = useState(feature.status);
  const [releaseId, setReleaseId] = useState(feature.releaseId ?? '');
  const [parkedReason, setParkedReason] = useState(feature.parkedReason ?? '');
  const save = useMutation({
    mutationFn: () =>
      patchRow<Feature>('features', feature, {
        status,
        releaseId: releaseId || null,
        parkedReason: status === 'parking_lot' ? parkedReason || null : feature.parkedReason,
      }),
    onSuccess: (f) => {
      qc.setQueryData(['entity', 'features', f.id], f);
      onSaved(f);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const err = (k: string) => issueFor(save.error, k);
  return (
    <>
      <h3>{feature.title}</h3>
      <p>
        <Tag tone={toneOf(feature.status)}>{humanize(feature.status)}</Tag>{' '}
        <span className="muted small">
          {product?.name} · {feature.scope === 'base' ? 'base capability' : 'segment-specific'} · effort{' '}
          {fmtNumber(feature.effort)} pw · RICE {fmtNumber(rice(feature))} · WSJF {fmtNumber(wsjf(feature))}
        </span>
      </p>
      {feature.parkedReason && (
        <p className="callout">
          <strong>Parked because:</strong> {feature.parkedReason}
        </p>
      )}
      {feature.spec && <pre className="spec">{feature.spec}</pre>}
      {editable && (
        <form onSubmit={submit} aria-label="Plan the feature">
          <div className="form-grid">
            <Field id="feature-status" label="Status" error={err('status')}>
              <select
                id="feature-status"
                value={status}
                onChange={(e) => setStatus(e.target.value as Feature['status'])}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanize(s)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="feature-release" label="Release" error={err('releaseId')}>
              <select id="feature-release" value={releaseId} onChange={(e) => setReleaseId(e.target.value)}>
                <option value="">Not planned into a release</option>
                {(releases.data ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({humanize(r.status)})
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {status === 'parking_lot' && (
            <Field id="feature-parked" label="Why is it parked?" error={err('parkedReason')}>
              <input
                id="feature-parked"
                value={parkedReason}
                onChange={(e) => setParkedReason(e.target.value)}
                aria-invalid={Boolean(err('parkedReason'))}
                aria-describedby={describedBy('feature-parked', err('parkedReason'))}
              />
            </Field>
          )}
          <FormError error={save.error} fields={['status', 'releaseId', 'parkedReason']} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
              Save
            </button>
            {save.isSuccess && (
              <span role="status" className="success-text">
                Saved.
              </span>
            )}
          </div>
        </form>
      )}
      {editable && !['shipped', 'rejected'].includes(feature.status) && (
        <RankControls key={`${feature.id}-${feature.version}`} feature={feature} onChanged={onSaved} />
      )}
    </>
  );
}
