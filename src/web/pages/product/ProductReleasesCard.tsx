import type { Release } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate, humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';

/** The product's releases, planned and shipped. */
export function ProductReleasesCard({ productId }: { productId: string }) {
  const releases = useList<Release>('releases', { productId });
  return (
    <Card title="Releases">
      <QueryState query={releases} label="releases" empty="No releases planned">
        {(rows) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Status</th>
                <th scope="col">Planned</th>
                <th scope="col">Released</th>
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
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </Card>
  );
}
