import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiGet, request } from '../../api/client.ts';
import type { AgendaItem, Review } from '../../api/governance.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PickList } from '../../components/PickList.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fmtDate, fmtPercent, humanize } from '../../format/format.ts';
import { Link } from '../../router/Link.tsx';

const KIND_TITLES: Record<AgendaItem['kind'], string> = {
  gate: 'Waiting at a gate',
  goal_off_track: 'Goals off track',
  over_allocated: 'Over-allocated people',
  lifecycle: 'Lifecycle recommendation differs from the decision',
  scenario: 'Optimizer scenarios not committed',
};

function agendaLine(a: AgendaItem) {
  switch (a.kind) {
    case 'gate':
      return (
        <>
          <Link to={`/governance?initiative=${a.initiativeId}`}>{a.name}</Link> — at {a.gateName}
        </>
      );
    case 'goal_off_track':
      return `${a.name}: ${fmtPercent(a.progress)} done, ${fmtPercent(a.expectedProgress)} expected by now`;
    case 'over_allocated':
      return `${a.teamName}, ${a.period}: ${a.people.map((p) => `${p.name} (${p.allocated} of ${p.fte} FTE)`).join(', ')}`;
    case 'lifecycle':
      return (
        <>
          <Link to={`/products/${a.productId}`}>{a.name}</Link>: recommended {humanize(a.recommendation)},
          decided {a.current ? humanize(a.current) : 'nothing yet'}
        </>
      );
    case 'scenario':
      return a.name;
  }
}

/** Portfolio reviews: an agenda drawn from the data, minutes, and the printable summary. */
export function ReviewsPanel({ reviewId, onSelect }: { reviewId: string; onSelect: (id: string) => void }) {
  const { can } = useSession();
  const qc = useQueryClient();
  const reviews = useQuery({
    queryKey: ['reviews'],
    queryFn: ({ signal }) => apiGet<{ items: Review[] }>('/api/v1/reviews', signal).then((r) => r.items),
  });
  const create = useMutation({
    mutationFn: () => request<Review>('POST', '/api/v1/reviews', {}),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['reviews'] });
      onSelect(r.id);
    },
  });
  const selected = reviews.data?.find((r) => r.id === reviewId) ?? reviews.data?.[0];
  return (
    <>
      {can('portfolio.write') && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={create.isPending}
            onClick={() => create.mutate()}
          >
            {create.isPending ? 'Building the agenda…' : 'New review'}
          </button>
          <FormError error={create.error} />
        </div>
      )}
      <QueryState
        query={reviews}
        label="reviews"
        empty="No portfolio review yet"
        emptyHint="A new review builds its agenda from everything that waits for a decision."
      >
        {(items) => (
          <div className="split">
            <PickList label="Reviews" items={items} selectedId={selected?.id} onSelect={onSelect}>
              {(r) => (
                <>
                  <strong>{r.title}</strong>
                  <div className="muted small">
                    {fmtDate(r.heldOn ?? r.createdAt)} · {r.agenda.length} agenda items
                  </div>
                </>
              )}
            </PickList>
            {selected ? (
              <ReviewDetail key={selected.id} review={selected} />
            ) : (
              <EmptyState title="Choose a review" />
            )}
          </div>
        )}
      </QueryState>
    </>
  );
}

function ReviewDetail({ review }: { review: Review }) {
  const { can } = useSession();
  const qc = useQueryClient();
  const [minutes, setMinutes] = useState(review.minutes ?? '');
  useEffect(() => setMinutes(review.minutes ?? ''), [review.minutes]);
  const save = useMutation({
    mutationFn: () =>
      request<Review>('PATCH', `/api/v1/reviews/${review.id}`, { minutes }, { ifMatch: review.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviews'] }),
  });
  const kinds = [...new Set(review.agenda.map((a) => a.kind))];
  return (
    <div>
      <h3>{review.title}</h3>
      <p>
        <a href={`/api/v1/reviews/${review.id}/summary`} target="_blank" rel="noreferrer">
          Printable summary
        </a>
      </p>
      {kinds.length === 0 && <p className="muted">Nothing waits for a decision.</p>}
      {kinds.map((k) => (
        <section key={k} aria-label={KIND_TITLES[k]}>
          <h4 className="small">{KIND_TITLES[k]}</h4>
          <ul className="review-agenda">
            {review.agenda
              .filter((a) => a.kind === k)
              .map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: agenda items have no id of their own
                <li key={i}>{agendaLine(a)}</li>
              ))}
          </ul>
        </section>
      ))}
      {can('portfolio.write') ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Field id="review-minutes" label="Minutes">
            <textarea
              id="review-minutes"
              rows={5}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={save.isPending}>
              Save minutes
            </button>
            {save.isSuccess && <span className="muted small">Saved.</span>}
          </div>
          <FormError error={save.error} />
        </form>
      ) : (
        review.minutes && (
          <>
            <h4 className="small">Minutes</h4>
            <p style={{ whiteSpace: 'pre-wrap' }}>{review.minutes}</p>
          </>
        )
      )}
    </div>
  );
}
