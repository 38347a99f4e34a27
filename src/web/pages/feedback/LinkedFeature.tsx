import type { Feature, FeedbackLink } from '../../api/types.ts';
import { useEntity } from '../../api/useEntity.ts';
import { Tag } from '../../components/Tag.tsx';
import { humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';

const IMPORTANCE = ['not important', 'nice to have', 'important', 'critical'];

/** A feature this feedback is linked to, with the importance given at triage. */
export function LinkedFeature({ link }: { link: FeedbackLink }) {
  const feature = useEntity<Feature>('features', link.featureId);
  return (
    <li>
      {feature.data ? (
        <>
          <strong>{feature.data.title}</strong>{' '}
          <Tag tone={toneOf(feature.data.status)}>{humanize(feature.data.status)}</Tag>
        </>
      ) : (
        <span className="muted">Loading feature…</span>
      )}
      <div className="muted small">
        Importance {link.importance} ({IMPORTANCE[link.importance]})
      </div>
    </li>
  );
}
