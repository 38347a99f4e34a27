import type { Roadmap } from '../../api/analytics.ts';
import { Card } from '../../components/Card.tsx';
import { Tag } from '../../components/Tag.tsx';
import { CapacityFlags } from './CapacityFlags.tsx';
import { RoadmapItemLine } from './RoadmapItemLine.tsx';
import type { CapacityWarning } from './useCapacityWarnings.ts';

/** The roadmap grouped by release: what each release carries, its late items and its quarter's capacity. */
export function RoadmapByRelease({
  roadmap: r,
  warnings,
}: {
  roadmap: Roadmap;
  warnings: Map<string, CapacityWarning[]>;
}) {
  const milestone = new Map((r.milestones ?? []).map((m) => [m.id, m]));
  return (
    <div className="release-groups">
      {(r.groups ?? []).map((g) => {
        const m = milestone.get(g.key);
        const items = g.items.filter((i) => i.kind !== 'milestone');
        const late = items.filter((i) => i.late).length;
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
          </Card>
        );
      })}
    </div>
  );
}
