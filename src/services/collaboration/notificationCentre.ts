import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { NotificationPreferencesUpdate, WatchRequest } from '../../domain/entities/comment.ts';
import { notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { notificationPreferences, notifications, watchers } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { subjectTitle } from './commentSubjects.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';
const me = (ctx: ServiceContext) => ctx.actor.userId ?? NO_USER;

/** The caller's notifications in this organization, newest first, with the unread count. */
export async function listNotifications(ctx: ServiceContext, query: Record<string, string | undefined>) {
  const db = ctx.store.db;
  const mine = and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, me(ctx)));
  // Whole numbers only: `limit=2.5` would reach SQL as a bigint that is not one.
  const limit = Math.min(Math.max(Math.floor(Number(query.limit)) || 50, 1), 500);
  const rows = await db
    .select()
    .from(notifications)
    .where(query.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items: rows.map((r) => present(r)), unreadCount: Number(unread?.n ?? 0) };
}

/** Throws not_found unless the notification is the caller's, in this organization. */
export async function assertOwnNotification(ctx: ServiceContext, id: string): Promise<void> {
  const [row] = await ctx.store.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, me(ctx)), eq(notifications.id, id)),
    );
  if (!row) throw notFound('notification', id);
}

/** Marks one of the caller's notifications read (idempotent). */
export async function markNotificationRead(ctx: ServiceContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: ctx.now() })
      .where(
        and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, me(ctx)), eq(notifications.id, id)),
      )
      .returning();
    if (!row) throw notFound('notification', id);
    const out = present(row);
    await writeAudit(tx, ctx, 'read', 'notifications', id, null, out);
    return out;
  });
}

/** Marks every unread notification of the caller read; returns how many changed. */
export async function markAllNotificationsRead(ctx: ServiceContext) {
  return inTransaction(ctx, async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.now() })
      .where(
        and(
          eq(notifications.orgId, ctx.orgId),
          eq(notifications.userId, me(ctx)),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    await writeAudit(tx, ctx, 'read_all', 'notifications', null, null, { count: rows.length });
    return { marked: rows.length };
  });
}

/** The caller's preferences here (email and digest default to on). */
export async function getNotificationPreferences(ctx: ServiceContext, db: Db = ctx.store.db) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, ctx.orgId), eq(notificationPreferences.userId, me(ctx))));
  return { email: row?.email ?? true, digest: row?.digest ?? true };
}

/** Changes the caller's preferences (only the fields given). */
export async function setNotificationPreferences(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(NotificationPreferencesUpdate, raw, 'notification preferences');
  const userId = ctx.actor.userId;
  if (!userId) return getNotificationPreferences(ctx);
  return inTransaction(ctx, async (tx) => {
    // Read inside the transaction: PGlite has one connection, a read beside it would wait forever.
    const current = await getNotificationPreferences(ctx, tx);
    const next = { email: input.email ?? current.email, digest: input.digest ?? current.digest };
    await tx
      .insert(notificationPreferences)
      .values({ orgId: ctx.orgId, userId, ...next })
      .onConflictDoUpdate({
        target: [notificationPreferences.orgId, notificationPreferences.userId],
        set: next,
      });
    await writeAudit(tx, ctx, 'update', 'notification_preferences', userId, current, next);
    return next;
  });
}

/** Starts or stops watching a subject of the organization. */
export async function setWatching(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(WatchRequest, raw, 'watch request');
  const userId = ctx.actor.userId;
  return inTransaction(ctx, async (tx) => {
    await subjectTitle(tx, ctx.orgId, input.subjectType, input.subjectId);
    if (userId) {
      const where = and(
        eq(watchers.orgId, ctx.orgId),
        eq(watchers.userId, userId),
        eq(watchers.subjectType, input.subjectType),
        eq(watchers.subjectId, input.subjectId),
      );
      if (input.watching) {
        await tx
          .insert(watchers)
          .values({ orgId: ctx.orgId, userId, subjectType: input.subjectType, subjectId: input.subjectId })
          .onConflictDoNothing();
      } else {
        await tx.delete(watchers).where(where);
      }
      await writeAudit(
        tx,
        ctx,
        input.watching ? 'watch' : 'unwatch',
        'watchers',
        input.subjectId,
        null,
        input,
      );
    }
    return { ...input, watching: input.watching };
  });
}
