import type { Competitor } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtPercent } from '../../format/format.ts';

/** Competitors that compete with this product. */
export function ProductCompetitorsCard({ productId }: { productId: string }) {
  const all = useList<Competitor>('competitors');
  return (
    <Card title="Competitors">
      <QueryState query={all} label="competitors" empty="No competitors recorded">
        {(rows) => {
          const mine = rows.filter((c) => c.productIds.includes(productId));
          if (mine.length === 0) return <p className="muted">No competitor is linked to this product.</p>;
          return (
            <ul className="plain-list">
              {mine.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>{' '}
                  <span className="muted small">share {fmtPercent(c.marketShare)}</span>
                  {c.strengths && <div className="small">Strengths: {c.strengths}</div>}
                  {c.weaknesses && <div className="small">Weaknesses: {c.weaknesses}</div>}
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </Card>
  );
}
