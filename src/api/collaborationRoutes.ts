import {
  CommentCreate,
  CommentUpdate,
  NotificationPreferencesUpdate,
  WatchRequest,
} from '../domain/entities/comment.ts';
import {
  createComment,
  getComment,
  listComments,
  updateComment,
} from '../services/collaboration/comments.ts';
import {
  assertOwnNotification,
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  setNotificationPreferences,
  setWatching,
} from '../services/collaboration/notificationCentre.ts';
import { ifMatchVersion, pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

/** Comments with @mentions, watching, the notification centre and notification preferences. */
export const COLLABORATION_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/comments',
    action: 'read',
    tag: 'comments',
    summary: 'Comments on a subject, oldest first (without a subject: the latest 100)',
    query: [
      { name: 'subjectType', description: 'feature, initiative, product, segment, release or decision' },
      { name: 'subjectId', description: 'id of the subject' },
    ],
    handler: async (c, ctx) => c.json(await listComments(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/comments',
    action: 'comment.write',
    tag: 'comments',
    summary: 'Comment (markdown) on a subject; @email mentions notify members of the organization',
    body: CommentCreate,
    handler: async (c, ctx, body) => withEtag(c, await createComment(ctx, body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/comments/:id',
    action: 'read',
    tag: 'comments',
    summary: 'A comment with its edit history',
    takesId: true,
    handler: async (c, ctx) => withEtag(c, await getComment(ctx, pathId(c, 'comment'))),
  },
  {
    method: 'PATCH',
    path: '/api/v1/comments/:id',
    action: 'comment.write',
    tag: 'comments',
    summary: 'Edit a comment (author or admin); the earlier body stays in its history',
    body: CommentUpdate,
    takesId: true,
    target: async (ctx, c) => {
      await getComment(ctx, pathId(c, 'comment'));
      return { productIds: [] };
    },
    handler: async (c, ctx, body) =>
      withEtag(c, await updateComment(ctx, pathId(c, 'comment'), body, ifMatchVersion(c))),
  },
  {
    method: 'PUT',
    path: '/api/v1/watching',
    action: 'read',
    tag: 'notifications',
    summary: 'Start or stop watching a subject (watchers hear of every new comment)',
    body: WatchRequest,
    handler: async (c, ctx, body) => c.json(await setWatching(ctx, body)),
  },
  {
    method: 'GET',
    path: '/api/v1/notifications',
    action: 'read',
    tag: 'notifications',
    summary: 'My notifications, newest first, with the unread count',
    query: [
      { name: 'unread', description: 'true: unread only' },
      { name: 'limit', description: '1–500 (default 50)' },
    ],
    handler: async (c, ctx) => c.json(await listNotifications(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    action: 'read',
    tag: 'notifications',
    summary: 'Mark all my notifications read',
    handler: async (c, ctx) => c.json(await markAllNotificationsRead(ctx)),
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    action: 'read',
    tag: 'notifications',
    summary: 'Mark one of my notifications read',
    takesId: true,
    target: async (ctx, c) => {
      await assertOwnNotification(ctx, pathId(c, 'notification'));
      return { productIds: [] };
    },
    handler: async (c, ctx) => c.json(await markNotificationRead(ctx, pathId(c, 'notification'))),
  },
  {
    method: 'GET',
    path: '/api/v1/notification-preferences',
    action: 'read',
    tag: 'notifications',
    summary: 'My notification preferences (email on mention, daily digest)',
    handler: async (c, ctx) => c.json(await getNotificationPreferences(ctx)),
  },
  {
    method: 'PUT',
    path: '/api/v1/notification-preferences',
    action: 'read',
    tag: 'notifications',
    summary: 'Change my notification preferences',
    body: NotificationPreferencesUpdate,
    handler: async (c, ctx, body) => c.json(await setNotificationPreferences(ctx, body)),
  },
];
