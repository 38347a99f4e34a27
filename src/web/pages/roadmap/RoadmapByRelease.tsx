import type { Roadmap } from '../../api/analytics.ts';
import { Card } from '../../components/Card.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtNumber } from '../../format/format.ts';
import { CapacityFlags } from './CapacityFlags.tsx';
import { RoadmapItemLine } from './RoadmapItemLine.tsx';
import type { CapacityWarning } from './useCapacityWarnings.ts';

/**
 * A page of the roadmap grouped by release: what each release carries, its late items and its
 * quarter's capacity. A release running over a page break says how many of its items this page shows.
 */
export function RoadmapByRelease({
  roadmap: r,
  warnings,
}: {
  roadmap: Roadmap;
  warnings: Map<string, CapacityWarning[]>;
}) {
  return (
    <div className="release-groups">
      {r.groups.map((g) => {
        const m = g.milestone;
        const items = r.items.slice(g.from, g.to);
        const late = g.late;
        return (
          <Card
            key={g.key}
            title={g.name}
            actions={
              <>
                {m?.startPeriod && <span className="muted small">due {m.startPeriod}</span>}{' '}
                {late > 0 && <Tag tone="danger">{late} late</Tag>}
              </>
            }
          >
            {m?.startPeriod && (
              <div className="small release-capacity">
                Capacity in {m.startPeriod}: <CapacityFlags warnings={warnings.get(m.startPeriod)} />
              </div>
            )}
            {items.length === 0 ? (
              <p className="muted">Nothing scheduled into this release.</p>
            ) : (
              <ul className="plain-list">
                {items.map((item) => (
                  <RoadmapItemLine key={`${item.kind}:${item.id}`} item={item} />
                ))}
              </ul>
            )}
            {items.length < g.total && (
              <p className="muted small">
                {fmtNumber(items.length)} of its {fmtNumber(g.total)} items on this page
              </p>
            )}
          </Card>
        );
      })}
    </div>
  );
}
