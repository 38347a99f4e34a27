/** Shapes of the comment and notification endpoints. */
export type CommentSubject = 'feature' | 'initiative' | 'product' | 'segment' | 'release' | 'decision';

export interface Comment {
  id: string;
  subjectType: CommentSubject;
  subjectId: string;
  authorUserId: string;
  authorName: string;
  body: string;
  /** Rendered and sanitized by the server (no raw HTML, only http(s)/mailto links). */
  bodyHtml: string;
  edits: { body: string; editedAt: string }[];
  version: number;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: 'mention' | 'comment' | string;
  subjectType: CommentSubject;
  subjectId: string;
  title: string;
  readAt: string | null;
  createdAt: string;
}

/** Query key of the notification lists; invalidating it refreshes the page and the header's badge. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export interface NotificationList {
  items: Notification[];
  unreadCount: number;
}

/** Where a notification's subject lives in the app. */
export function subjectPath(type: CommentSubject, id: string): string {
  switch (type) {
    case 'product':
      return `/products/${id}`;
    case 'segment':
      return `/segments/${id}`;
    case 'initiative':
      return `/governance?initiative=${id}`;
    case 'feature':
      return `/backlog?feature=${id}`;
    case 'decision':
      return '/decisions';
    case 'release':
      return '/roadmap';
  }
}
