import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client.ts';
import { NOTIFICATIONS_KEY, type NotificationList } from '../api/collaboration.ts';
import { Link } from '../router/Link.tsx';

/** The header's way into the notification centre, with the unread count (refreshed every minute). */
export function NotificationsLink() {
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: ({ signal }) => apiGet<NotificationList>('/api/v1/notifications?unread=true', signal),
    refetchInterval: 60_000,
  });
  const unread = list.data?.unreadCount ?? 0;
  return (
    <Link to="/notifications" className="notifications-link">
      Notifications{' '}
      {unread > 0 && (
        <span className="badge">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </Link>
  );
}
