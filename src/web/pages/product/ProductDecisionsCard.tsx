import type { Decision, Product } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate, humanize } from '../../format/format.ts';
import { RecordDecisionForm } from './RecordDecisionForm.tsx';

/** The decisions about this product (from the decision log) and, for portfolio managers, the form to record one. */
export function ProductDecisionsCard({ product, canDecide }: { product: Product; canDecide: boolean }) {
  const decisions = useList<Decision>('decisions', {
    subjectId: product.id,
    sort: 'createdAt',
    order: 'desc',
  });
  return (
    <Card title="Investment decisions">
      {canDecide && <RecordDecisionForm product={product} />}
      <QueryState query={decisions} label="decisions" empty="No decision recorded for this product yet">
        {(rows) => (
          <ul className="plain-list" aria-label="Decisions about this product">
            {rows.map((d) => (
              <li key={d.id}>
                <Tag tone="info">{humanize(d.kind)}</Tag> <strong>{d.title}</strong>
                <div className="small">{d.rationale}</div>
                <div className="muted small">
                  {fmtDate(d.createdAt)} · {d.actorName}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
