import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { patchRow } from '../../api/patch.ts';
import type { Feature, Release } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { Tag } from '../../components/Tag.tsx';
import { humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';

const OPEN = new Set(['idea', 'parking_lot', 'planned', 'in_progress']);

/**
 * The features a release carries, each shippable from here, and a search to plan more of the product's
 * open features into it (status → planned, release set).
 */
export function ReleaseFeaturesCard({ release, editable }: { release: Release; editable: boolean }) {
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const inRelease = useList<Feature>('features', { releaseId: release.id, sort: 'title', order: 'asc' });
  const candidates = useList<Feature>(
    'features',
    { productId: release.productId, q, limit: 20, sort: 'title', order: 'asc' },
    editable && q.trim() !== '',
  );
  const update = useMutation({
    mutationFn: ({ feature, patch }: { feature: Feature; patch: Partial<Feature> }) =>
      patchRow<Feature>('features', feature, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['list', 'features'] }),
  });
  const released = release.status === 'released';
  return (
    <Card title="Features in this release">
      <QueryState
        query={inRelease}
        label="the release's features"
        empty="No features planned into this release yet"
        emptyHint={editable ? 'Search the backlog below to plan one.' : undefined}
      >
        {(rows) => (
          <table className="table" data-testid="release-features">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Status</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <td>{f.title}</td>
                  <td>
                    <Tag tone={toneOf(f.status)}>{humanize(f.status)}</Tag>
                  </td>
                  {editable && (
                    <td className="row-actions">
                      {f.status !== 'shipped' && (
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          disabled={update.isPending}
                          onClick={() => update.mutate({ feature: f, patch: { status: 'shipped' } })}
                          aria-label={`Ship: ${f.title}`}
                        >
                          Ship
                        </button>
                      )}{' '}
                      {!released && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={update.isPending}
                          onClick={() =>
                            update.mutate({
                              feature: f,
                              patch: { releaseId: null, status: f.status === 'shipped' ? 'shipped' : 'idea' },
                            })
                          }
                          aria-label={`Take out: ${f.title}`}
                        >
                          Take out
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <FormError error={update.error} />
      {editable && !released && (
        <div className="plan-feature">
          <SearchBox id="plan-feature-q" label="Plan a feature into this release" value={q} onChange={setQ} />
          {q.trim() !== '' && (
            <QueryState query={candidates} label="features" empty="No open feature matches">
              {(rows) => (
                <ul className="plain-list" aria-label="Matching features">
                  {rows
                    .filter((f) => OPEN.has(f.status) && f.releaseId !== release.id)
                    .map((f) => (
                      <li key={f.id} className="row-item">
                        <span>
                          {f.title} <Tag tone={toneOf(f.status)}>{humanize(f.status)}</Tag>
                        </span>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          disabled={update.isPending}
                          onClick={() =>
                            update.mutate({ feature: f, patch: { releaseId: release.id, status: 'planned' } })
                          }
                          aria-label={`Plan into release: ${f.title}`}
                        >
                          Plan into release
                        </button>
                      </li>
                    ))}
                </ul>
              )}
            </QueryState>
          )}
        </div>
      )}
    </Card>
  );
}
