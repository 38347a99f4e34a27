import type { Product, Segment } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { fmtPercent } from '../../format/format.ts';
import { Link } from '../../router/Link.tsx';

/** The segments a product serves, how well it fits each and its share there. */
export function ProductSegmentsCard({ product }: { product: Product }) {
  const segments = useList<Segment>('segments');
  const name = new Map((segments.data ?? []).map((s) => [s.id, s.name]));
  return (
    <Card title="Segments served">
      {product.segments.length === 0 ? (
        <EmptyState title="Serves no segment yet" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col" className="num">
                Fit
              </th>
              <th scope="col" className="num">
                Our share
              </th>
            </tr>
          </thead>
          <tbody>
            {[...product.segments]
              .sort((a, b) => b.fit - a.fit)
              .map((s) => (
                <tr key={s.segmentId}>
                  <td>
                    <Link to={`/segments/${s.segmentId}`}>{name.get(s.segmentId) ?? 'Segment'}</Link>
                  </td>
                  <td className="num">
                    <meter min={0} max={1} value={s.fit} aria-label="fit" /> {fmtPercent(s.fit)}
                  </td>
                  <td className="num">{fmtPercent(s.share)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
