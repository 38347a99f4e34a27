import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, request } from '../api/client.ts';
import { NOTIFICATIONS_KEY, type NotificationList, subjectPath } from '../api/collaboration.ts';
import { Card } from '../components/Card.tsx';
import { FormError } from '../components/FormError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { fmtDateTime } from '../format/format.ts';
import { Link } from '../router/Link.tsx';

interface Preferences {
  email: boolean;
  digest: boolean;
}

/** The notification centre: mentions and comments on what you watch, and how you want to hear of them. */
export function NotificationsPage() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) => apiGet<NotificationList>('/api/v1/notifications', signal),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const read = useMutation({
    mutationFn: (id: string) => request('POST', `/api/v1/notifications/${id}/read`),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => request('POST', '/api/v1/notifications/read-all'),
    onSuccess: refresh,
  });
  return (
    <>
      <PageHeader title="Notifications" subtitle="Mentions of you, and new comments on what you watch." />
      <Card
        title={list.data ? `${list.data.unreadCount} unread` : 'Notifications'}
        actions={
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={!list.data?.unreadCount || readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            Mark all as read
          </button>
        }
      >
        <QueryState query={list} label="notifications">
          {(data) =>
            data.items.length === 0 ? (
              <p className="muted">Nothing yet. Comment on a product, segment or initiative, or watch one.</p>
            ) : (
              <ul className="plain-list">
                {data.items.map((n) => (
                  <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
                    <Link to={subjectPath(n.subjectType, n.subjectId)}>{n.title}</Link>
                    <span className="muted small"> · {fmtDateTime(n.createdAt)}</span>
                    {!n.readAt && (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        onClick={() => read.mutate(n.id)}
                      >
                        Mark as read
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        <FormError error={read.error ?? readAll.error} />
      </Card>
      <PreferencesCard />
    </>
  );
}

function PreferencesCard() {
  const qc = useQueryClient();
  const prefs = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: ({ signal }) => apiGet<Preferences>('/api/v1/notification-preferences', signal),
  });
  const save = useMutation({
    mutationFn: (next: Preferences) => request<Preferences>('PUT', '/api/v1/notification-preferences', next),
    onSuccess: (p) => qc.setQueryData(['notification-preferences'], p),
  });
  return (
    <Card title="How to reach you">
      <QueryState query={prefs} label="preferences">
        {(p) => (
          <fieldset className="plain-fieldset">
            <legend className="visually-hidden">Email preferences</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={p.email}
                onChange={(e) => save.mutate({ ...p, email: e.target.checked })}
              />{' '}
              Email me when I am mentioned
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={p.digest}
                onChange={(e) => save.mutate({ ...p, digest: e.target.checked })}
              />{' '}
              Send a daily digest of unread notifications
            </label>
          </fieldset>
        )}
      </QueryState>
      <FormError error={save.error} />
    </Card>
  );
}
