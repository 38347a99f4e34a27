import type { Segment } from '../api/types.ts';
import { useEntity } from '../api/useEntity.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { CommentThread } from '../components/CommentThread.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { fmtMoney, fmtPercent } from '../format/format.ts';
import { Link } from '../router/Link.tsx';
import { GrowthForecastCard } from './segment/GrowthForecastCard.tsx';
import { OverrideRankCard } from './segment/OverrideRankCard.tsx';
import { RequirementsCard } from './segment/RequirementsCard.tsx';
import { SwotCard } from './segment/SwotCard.tsx';
import { ValuePropositionCard } from './segment/ValuePropositionCard.tsx';

/** One segment: SWOT, growth forecast, value proposition, strategic requirements and rank override. */
export function SegmentDetailPage({ params }: { params: Record<string, string> }) {
  const segment = useEntity<Segment>('segments', params.id);
  const session = useSession();
  const editable = session.can('portfolio.write');
  return (
    <QueryState query={segment} label="segment">
      {(s) => (
        <>
          <PageHeader
            eyebrow={<Link to="/segments">← Segments</Link>}
            title={s.name}
            subtitle={`${s.description} Market ${fmtMoney(s.marketSize)}, our share ${fmtPercent(s.ourShare)}.`}
          />
          <div className="grid-3-1">
            <SwotCard segment={s} editable={editable} />
            <div>
              <GrowthForecastCard segment={s} editable={editable} />
              <OverrideRankCard segment={s} editable={editable} />
            </div>
          </div>
          <div className="grid-2">
            <ValuePropositionCard segment={s} editable={editable} />
            <RequirementsCard segmentId={s.id} />
          </div>
          <Card>
            <CommentThread subjectType="segment" subjectId={s.id} />
          </Card>
        </>
      )}
    </QueryState>
  );
}
