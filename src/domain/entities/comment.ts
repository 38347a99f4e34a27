import { z } from 'zod';
import { Id, LIMITS } from '../primitives.ts';

/** What a comment (and a watcher) can be attached to. */
export const COMMENT_SUBJECTS = [
  'feature',
  'initiative',
  'product',
  'segment',
  'release',
  'decision',
] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];

/** A subject of discussion: its type and id. */
export const SubjectRef = z.strictObject({ subjectType: z.enum(COMMENT_SUBJECTS), subjectId: Id });

/** A new comment: markdown; `@someone@example.com` mentions a member of the organization. */
export const CommentCreate = SubjectRef.extend({
  body: z.string().trim().min(1, 'a comment needs a body').max(LIMITS.text),
});

/** Editing a comment replaces its body; the earlier body is kept in the edit history. */
export const CommentUpdate = z.strictObject({
  body: z.string().trim().min(1, 'a comment needs a body').max(LIMITS.text),
});

/** Start or stop watching a subject. */
export const WatchRequest = SubjectRef.extend({ watching: z.boolean().default(true) });

/** A user's notification preferences in one organization. */
export const NotificationPreferencesUpdate = z.strictObject({
  email: z.boolean().optional(),
  digest: z.boolean().optional(),
});
