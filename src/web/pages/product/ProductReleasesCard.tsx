import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patchRow } from '../../api/patch.ts';
import type { Release } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate, humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';
import { Link } from '../../router/Link.tsx';

/** The product's releases, planned and shipped. */
export function ProductReleasesCard({ productId, editable }: { productId: string; editable: boolean }) {
  const releases = useList<Release>('releases', { productId });
  const qc = useQueryClient();
  const release = useMutation({
    mutationFn: (r: Release) =>
      patchRow<Release>('releases', r, {
        status: 'released',
        actualDate: new Date().toISOString().slice(0, 10),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['list', 'releases'] }),
  });
  return (
    <Card
      title="Releases"
      actions={<Link to={`/releases?product=${productId}`}>Notes and announcements</Link>}
    >
      <QueryState query={releases} label="releases" empty="No releases planned">
        {(rows) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Status</th>
                <th scope="col">Planned</th>
                <th scope="col">Released</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {[...rows]
                .sort((a, b) => (b.plannedDate ?? '').localeCompare(a.plannedDate ?? ''))
                .map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>
                      <Tag tone={toneOf(r.status)}>{humanize(r.status)}</Tag>
                    </td>
                    <td>{fmtDate(r.plannedDate)}</td>
                    <td>{fmtDate(r.actualDate)}</td>
                    {editable && (
                      <td>
                        {(r.status === 'planned' || r.status === 'in_progress') && (
                          <button
                            type="button"
                            className="btn btn-secondary btn-small"
                            disabled={release.isPending}
                            onClick={() => release.mutate(r)}
                            aria-label={`Mark released: ${r.name}`}
                          >
                            Mark released
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
      <FormError error={release.error} />
    </Card>
  );
}
