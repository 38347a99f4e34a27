import type { SegmentRequirement } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';

const IMPORTANCE = ['none', 'low', 'medium', 'high'] as const;

/** The segment's strategic requirements, most important first, each with its "why". */
export function RequirementsCard({ segmentId }: { segmentId: string }) {
  const reqs = useList<SegmentRequirement>('segment-requirements', { segmentId });
  return (
    <Card title="Strategic requirements">
      <QueryState query={reqs} label="requirements" empty="No requirements recorded for this segment">
        {(rows) => (
          <ul className="plain-list">
            {[...rows]
              .sort((a, b) => b.importance - a.importance)
              .map((r) => (
                <li key={r.id}>
                  <Tag tone={r.importance >= 3 ? 'danger' : r.importance === 2 ? 'warning' : 'neutral'}>
                    {IMPORTANCE[r.importance]}
                  </Tag>{' '}
                  <strong>{r.text}</strong>
                  {r.why && <div className="small muted">Why: {r.why}</div>}
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
