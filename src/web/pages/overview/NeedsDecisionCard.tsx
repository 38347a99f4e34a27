import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtMoney, fmtPercent, humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';
import { Link } from '../../router/Link.tsx';
import { useDashboard } from './useDashboard.ts';

/** What waits for a decision: proposals, products without an investment decision, goals off track, big risks. */
export function NeedsDecisionCard() {
  const dash = useDashboard();
  return (
    <Card title="Needs a decision" actions={<Link to="/optimizer">Optimizer</Link>}>
      <QueryState query={dash} label="what needs a decision">
        {(d) => {
          const n = d.needsDecision ?? {};
          const proposals = n.proposedInitiatives;
          const products = n.products ?? [];
          const goals = n.offTrackGoals ?? [];
          const risks = n.openHighRisks ?? [];
          if (!proposals?.count && !products.length && !goals.length && !risks.length)
            return <p className="muted">Nothing is waiting for a decision.</p>;
          return (
            <div className="grid-2 needs-decision">
              {proposals && proposals.count > 0 && (
                <section aria-label="Proposals">
                  <h3 className="small">
                    {proposals.count} proposed initiatives (best expected value first)
                  </h3>
                  <ul className="plain-list">
                    {proposals.top.slice(0, 5).map((p) => (
                      <li key={p.id}>
                        {p.name}{' '}
                        <span className="muted small">
                          EV {fmtMoney(p.expectedValue)} · cost {fmtMoney(p.cost)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {products.length > 0 && (
                <section aria-label="Products">
                  <h3 className="small">Products to decide on</h3>
                  <ul className="plain-list">
                    {products.slice(0, 5).map((p) => (
                      <li key={p.productId}>
                        <Link to={`/products/${p.productId}`}>{p.name}</Link>: recommended{' '}
                        <Tag tone={toneOf(p.recommendation)}>{humanize(p.recommendation)}</Tag>{' '}
                        <span className="muted small">{humanize(p.reason)}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {goals.length > 0 && (
                <section aria-label="Goals off track">
                  <h3 className="small">Goals off track</h3>
                  <ul className="plain-list">
                    {goals.map((g) => (
                      <li key={g.goalId}>
                        {g.name}{' '}
                        <span className="muted small">
                          {fmtPercent(g.progress)} done, {fmtPercent(g.expectedProgress)} expected by now
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {risks.length > 0 && (
                <section aria-label="High risks">
                  <h3 className="small">Open high risks</h3>
                  <ul className="plain-list">
                    {risks.map((r) => (
                      <li key={r.id}>
                        {r.title} <span className="muted small">exposure {fmtMoney(r.exposure)}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          );
        }}
      </QueryState>
    </Card>
  );
}
