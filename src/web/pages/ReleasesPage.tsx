import { useState } from 'react';
import type { Product, Release } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtDate, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/router.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { NewReleaseForm } from './release/NewReleaseForm.tsx';
import { ReleaseFeaturesCard } from './release/ReleaseFeaturesCard.tsx';
import { ReleaseNotesCard } from './release/ReleaseNotesCard.tsx';

/**
 * A product's releases: plan features into one and ship them, compose and edit the release notes and
 * their segment variants, publish with a date to the public changelog. Product and release are in the URL.
 */
export function ReleasesPage() {
  const session = useSession();
  const [productParam, setProduct] = useQueryParam('product');
  const [releaseId, setRelease] = useQueryParam('release');
  const [adding, setAdding] = useState(false);
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const mine = (products.data ?? []).find((p) => p.ownerId === session.me.user.id);
  const productId = productParam || mine?.id || products.data?.[0]?.id || '';
  const product = (products.data ?? []).find((p) => p.id === productId);
  const releases = useList<Release>(
    'releases',
    { productId, sort: 'name', order: 'desc' },
    Boolean(productId),
  );
  const release = (releases.data ?? []).find((r) => r.id === releaseId);
  const editable = session.canWriteProduct(product);
  const pick = (id: string) => navigate(`/releases?product=${productId}&release=${id}`);
  return (
    <>
      <PageHeader
        title="Releases and announcements"
        subtitle="Plan features into releases, ship them, write the notes for each segment and publish them to the changelog."
      />
      <Card>
        <div className="filters">
          <SelectFilter
            id="releases-product"
            label="Product"
            value={productId}
            onChange={(v) => {
              setRelease('');
              setProduct(v);
            }}
            allLabel="Choose a product"
            options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          {editable && (
            <button
              type="button"
              className="btn btn-secondary"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              New release
            </button>
          )}
        </div>
        {adding && productId && (
          <NewReleaseForm
            productId={productId}
            onCreated={(r) => {
              setAdding(false);
              pick(r.id);
            }}
          />
        )}
        {!productId ? (
          <EmptyState title="Choose a product to see its releases" />
        ) : (
          <QueryState query={releases} label="releases" empty="No releases planned for this product">
            {(rows) => (
              <table className="table" data-testid="releases">
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
                    .sort((a, b) => (b.plannedDate ?? '9999').localeCompare(a.plannedDate ?? '9999'))
                    .map((r) => (
                      <tr key={r.id} className={r.id === releaseId ? 'row-current' : undefined}>
                        <td>
                          <Link
                            to={`/releases?product=${productId}&release=${r.id}`}
                            aria-current={r.id === releaseId ? 'true' : undefined}
                          >
                            {r.name}
                          </Link>
                        </td>
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
        )}
      </Card>
      {release && (
        <>
          <h2 className="section-title">{release.name}</h2>
          <div className="grid-2">
            <ReleaseFeaturesCard release={release} editable={editable} />
            <ReleaseNotesCard release={release} product={product} editable={editable} />
          </div>
        </>
      )}
    </>
  );
}
