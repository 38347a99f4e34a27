import type { Product } from '../api/types.ts';
import { useEntity } from '../api/useEntity.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { CommentThread } from '../components/CommentThread.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { Tag } from '../components/Tag.tsx';
import { humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { Link } from '../router/Link.tsx';
import { ProductCompetitorsCard } from './product/ProductCompetitorsCard.tsx';
import { ProductDecisionsCard } from './product/ProductDecisionsCard.tsx';
import { ProductFinancialsCard } from './product/ProductFinancialsCard.tsx';
import { ProductKpisCard } from './product/ProductKpisCard.tsx';
import { ProductReleasesCard } from './product/ProductReleasesCard.tsx';
import { ProductRisksCard } from './product/ProductRisksCard.tsx';
import { ProductSegmentsCard } from './product/ProductSegmentsCard.tsx';

/** One product: segments served, financials, KPIs, releases, risks, competitors and its decisions. */
export function ProductDetailPage({ params }: { params: Record<string, string> }) {
  const product = useEntity<Product>('products', params.id);
  const session = useSession();
  return (
    <QueryState query={product} label="product">
      {(p) => (
        <>
          <PageHeader
            eyebrow={<Link to="/products">← Products</Link>}
            title={p.name}
            subtitle={p.description}
            actions={
              <>
                <Tag tone={toneOf(p.lifecycleStage)}>Stage: {humanize(p.lifecycleStage)}</Tag>
                <Tag tone={toneOf(p.investmentDecision)}>
                  Decision: {p.investmentDecision ? humanize(p.investmentDecision) : 'none yet'}
                </Tag>
                <Link className="btn btn-secondary btn-small" to={`/backlog?product=${p.id}`}>
                  Backlog
                </Link>
              </>
            }
          />
          {p.decisionRationale && (
            <p className="callout">
              <strong>Why {humanize(p.investmentDecision)}:</strong> {p.decisionRationale}
            </p>
          )}
          <div className="grid-2">
            <ProductSegmentsCard product={p} />
            <ProductFinancialsCard productId={p.id} />
          </div>
          <ProductKpisCard productId={p.id} />
          <div className="grid-2">
            <ProductReleasesCard productId={p.id} editable={session.canWriteProduct(p)} />
            <ProductRisksCard productId={p.id} />
          </div>
          <div className="grid-2">
            <ProductCompetitorsCard productId={p.id} />
            <ProductDecisionsCard product={p} canDecide={session.can('product.admin')} />
          </div>
          <Card>
            <CommentThread subjectType="product" subjectId={p.id} />
          </Card>
        </>
      )}
    </QueryState>
  );
}
