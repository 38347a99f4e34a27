import type { Roadmap } from '../../api/analytics.ts';
import { humanize } from '../../format/format.ts';
import { RoadmapItemLine } from './RoadmapItemLine.tsx';

const HORIZONS = ['now', 'next', 'later'] as const;

/** Now / next / later columns. */
export function RoadmapHorizons({ roadmap: r }: { roadmap: Roadmap }) {
  return (
    <div className="roadmap">
      {HORIZONS.map((h) => (
        <section key={h} aria-label={humanize(h)} className="roadmap-column">
          <h2>
            {humanize(h)} <span className="muted small">({(r.horizons[h] ?? []).length})</span>
          </h2>
          <ul className="plain-list">
            {(r.horizons[h] ?? []).slice(0, 100).map((item) => (
              <RoadmapItemLine key={`${item.kind}:${item.id}`} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
