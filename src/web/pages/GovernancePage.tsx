import { useMemo } from 'react';
import type { Initiative } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PickList } from '../components/PickList.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { Tag } from '../components/Tag.tsx';
import { humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { GatePanel } from './governance/GatePanel.tsx';
import { ReviewsPanel } from './governance/ReviewsPanel.tsx';

/** Stage gates per initiative and the portfolio reviews where the decisions are taken. */
export function GovernancePage() {
  const [initiativeId, setInitiativeId] = useQueryParam('initiative');
  const [reviewId, setReviewId] = useQueryParam('review');
  const initiatives = useList<Initiative>('initiatives', { sort: 'name', order: 'asc' });
  const selected = useMemo(
    () => (initiatives.data ?? []).find((i) => i.id === initiativeId),
    [initiatives.data, initiativeId],
  );
  return (
    <>
      <PageHeader
        title="Governance"
        subtitle="Stage gates every initiative passes, and the portfolio reviews where decisions are taken."
      />
      <Card title="Stage gates">
        <QueryState query={initiatives} label="initiatives" empty="No initiatives yet">
          {(rows) => (
            <div className="split">
              <PickList
                label="Initiatives"
                className="scroll-list"
                items={rows}
                selectedId={initiativeId}
                onSelect={setInitiativeId}
              >
                {(i) => (
                  <>
                    {i.name} <Tag tone={toneOf(i.stage)}>{humanize(i.stage)}</Tag>
                  </>
                )}
              </PickList>
              <div>
                {selected ? (
                  <>
                    <h3>{selected.name}</h3>
                    <GatePanel key={selected.id} initiativeId={selected.id} />
                  </>
                ) : (
                  <EmptyState title="Choose an initiative">
                    Its gates, what is missing and its history show here.
                  </EmptyState>
                )}
              </div>
            </div>
          )}
        </QueryState>
      </Card>
      <Card title="Portfolio reviews">
        <ReviewsPanel reviewId={reviewId} onSelect={setReviewId} />
      </Card>
    </>
  );
}
