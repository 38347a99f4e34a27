import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, request } from '../../api/client.ts';
import type { Product, Release, Segment } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { NoteEditor, type ReleaseNote } from './NoteEditor.tsx';
import { PublishReleaseForm } from './PublishReleaseForm.tsx';

/**
 * The release's announcement: the base note composed from its shipped features, one variant per segment
 * (leading with that segment's value proposition), edited as markdown, then published with a date.
 */
export function ReleaseNotesCard({
  release,
  product,
  editable,
}: {
  release: Release;
  product: Product | undefined;
  editable: boolean;
}) {
  const qc = useQueryClient();
  const notes = useQuery({
    queryKey: ['release-notes', release.id],
    queryFn: ({ signal }) => apiGet<{ items: ReleaseNote[] }>(`/api/v1/releases/${release.id}/notes`, signal),
  });
  const segments = useList<Segment>('segments', { sort: 'name', order: 'asc' });
  const [segmentId, setSegmentId] = useState('');
  const compose = useMutation({
    mutationFn: (body: { segmentId?: string; replace?: boolean }) =>
      request<ReleaseNote>('POST', `/api/v1/releases/${release.id}/notes`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['release-notes', release.id] }),
  });
  const segmentName = new Map((segments.data ?? []).map((s) => [s.id, s.name]));
  const base = notes.data?.items.find((n) => n.segmentId === null);
  const variants = (notes.data?.items ?? []).filter((n) => n.segmentId !== null);
  const unpublished = !base?.publishedAt;
  const changelog = product?.changelogPublic ? `/changelog/${release.productId}` : null;
  return (
    <Card
      title="Release notes and announcement"
      actions={
        changelog && (
          <a href={changelog} target="_blank" rel="noreferrer">
            Public changelog
          </a>
        )
      }
    >
      <QueryState query={notes} label="release notes">
        {() => (
          <>
            {!base && (
              <p className="muted">
                No note yet.{' '}
                {editable && 'Compose a draft from the features shipped in this release, then edit it.'}
              </p>
            )}
            {editable && release.status !== 'released' && (
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={compose.isPending}
                  onClick={() => compose.mutate(base ? { replace: true } : {})}
                >
                  {base ? 'Recompose the draft' : 'Compose release notes'}
                </button>
              </div>
            )}
            {base && <NoteEditor key={base.id} note={base} title="Release note" editable={editable} />}
            {variants.map((n) => (
              <NoteEditor
                key={n.id}
                note={n}
                title={`Variant for ${segmentName.get(n.segmentId ?? '') ?? 'a segment'}`}
                editable={editable}
              />
            ))}
            {editable && base && unpublished && (
              <div className="row-item">
                <Field id="variant-segment" label="Variant for a segment">
                  <select
                    id="variant-segment"
                    value={segmentId}
                    onChange={(e) => setSegmentId(e.target.value)}
                  >
                    <option value="">Choose a segment…</option>
                    {(segments.data ?? [])
                      .filter((s) => !variants.some((v) => v.segmentId === s.id))
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </select>
                </Field>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={!segmentId || compose.isPending}
                  onClick={() => compose.mutate({ segmentId })}
                >
                  Compose variant
                </button>
              </div>
            )}
            <FormError error={compose.error} fields={[]} />
            {editable && base && release.status !== 'released' && <PublishReleaseForm release={release} />}
            {release.status === 'released' && (
              <p role="status" className="success-text" data-testid="published">
                Published {release.actualDate}.{' '}
                {changelog ? (
                  <a href={changelog} target="_blank" rel="noreferrer">
                    See it on the public changelog
                  </a>
                ) : (
                  'This product’s public changelog is switched off.'
                )}
              </p>
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}
