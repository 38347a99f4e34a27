import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { CommentCreate, type CommentSubject, CommentUpdate } from '../../domain/entities/comment.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import {
  comments,
  memberships,
  notificationPreferences,
  notifications,
  users,
  watchers,
} from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { subjectTitle } from './commentSubjects.ts';
import { type Mail, type Mailer, mailerFromEnv, sendAll } from './mailer.ts';
import { mentionedEmails } from './mentionedEmails.ts';
import { renderMarkdown } from './renderMarkdown.ts';

interface Member {
  id: string;
  email: string;
  name: string;
}

/** Members of the organization among the mentioned addresses; anyone else (unknown, other org) is ignored. */
async function mentionedMembers(tx: Db, orgId: string, emails: string[]): Promise<Member[]> {
  if (emails.length === 0) return [];
  return tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
    .where(inArray(sql`lower(${users.email})`, emails));
}

/** Of `userIds`, those who turned mention emails off in this organization. */
async function emailOptOuts(tx: Db, orgId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.orgId, orgId),
        inArray(notificationPreferences.userId, userIds),
        eq(notificationPreferences.email, false),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

async function watcherIds(tx: Db, orgId: string, type: string, id: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: watchers.userId })
    .from(watchers)
    .where(and(eq(watchers.orgId, orgId), eq(watchers.subjectType, type), eq(watchers.subjectId, id)));
  return rows.map((r) => r.userId);
}

/**
 * Notifies the newly mentioned members (kind 'mention') and, for a new comment, the subject's watchers
 * (kind 'comment'), never the author; returns the mention emails to send once the transaction commits.
 */
async function notify(
  tx: Db,
  ctx: ServiceContext,
  comment: Record<string, unknown>,
  title: string,
  mentioned: Member[],
  isNew: boolean,
): Promise<Mail[]> {
  const author = ctx.actor.userId;
  const type = String(comment.subjectType);
  const subjectId = String(comment.subjectId);
  const base = { orgId: ctx.orgId, subjectType: type, subjectId, commentId: String(comment.id) };
  const mentionedIds = new Set<string>();
  for (const m of mentioned) {
    if (m.id === author) continue;
    mentionedIds.add(m.id);
    await insertRow(tx, notifications, {
      ...base,
      userId: m.id,
      kind: 'mention',
      title: `${ctx.actor.name} mentioned you on ${type} "${title}"`,
    });
  }
  if (isNew) {
    for (const w of await watcherIds(tx, ctx.orgId, type, subjectId)) {
      if (w === author || mentionedIds.has(w)) continue;
      await insertRow(tx, notifications, {
        ...base,
        userId: w,
        kind: 'comment',
        title: `${ctx.actor.name} commented on ${type} "${title}"`,
      });
    }
  }
  const optOut = await emailOptOuts(tx, ctx.orgId, [...mentionedIds]);
  return mentioned
    .filter((m) => mentionedIds.has(m.id) && !optOut.has(m.id))
    .map((m) => ({
      to: m.email,
      subject: `${ctx.actor.name} mentioned you on ${type} "${title}"`,
      text: `${ctx.actor.name} wrote:\n\n${String(comment.body)}\n`,
      html: `<p>${escapeHtml(ctx.actor.name)} wrote:</p>${String(comment.bodyHtml)}`,
    }));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The author watches what they comment on, so replies reach them. */
async function watch(tx: Db, orgId: string, userId: string | null, type: string, id: string) {
  if (!userId) return;
  await tx.insert(watchers).values({ orgId, userId, subjectType: type, subjectId: id }).onConflictDoNothing();
}

/**
 * Adds a comment (markdown, stored with its sanitized HTML), notifies mentioned members and watchers in
 * the same transaction, then emails the mentioned members who have not turned email off.
 */
export async function createComment(
  ctx: ServiceContext,
  raw: unknown,
  mailer: Mailer | null = mailerFromEnv(),
): Promise<Record<string, unknown>> {
  const input = parseInput(CommentCreate, raw, 'comment');
  const { comment, mails } = await inTransaction(ctx, async (tx) => {
    const title = await subjectTitle(tx, ctx.orgId, input.subjectType, input.subjectId);
    const mentioned = await mentionedMembers(tx, ctx.orgId, mentionedEmails(input.body));
    const row = await insertRow(tx, comments, {
      orgId: ctx.orgId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      authorUserId: ctx.actor.userId,
      authorName: ctx.actor.name,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      mentions: mentioned.map((m) => m.id),
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'create', 'comments', String(row.id), null, out);
    const mails = await notify(tx, ctx, row, title, mentioned, true);
    await watch(tx, ctx.orgId, ctx.actor.userId, input.subjectType, input.subjectId);
    return { comment: out, mails };
  });
  await sendAll(mailer, mails);
  return comment;
}

/**
 * Edits a comment (its author only, or an admin): the previous body goes to the edit history, and members
 * mentioned for the first time are notified.
 */
export async function updateComment(
  ctx: ServiceContext,
  id: string,
  raw: unknown,
  expectedVersion?: number,
  mailer: Mailer | null = mailerFromEnv(),
): Promise<Record<string, unknown>> {
  const input = parseInput(CommentUpdate, raw, 'comment');
  const { comment, mails } = await inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, comments, ctx.orgId, id);
    if (!before) throw notFound('comment', id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new DomainError('version_mismatch', `comment ${id} has changed (version ${before.version})`, {
        currentVersion: before.version,
      });
    }
    if (before.authorUserId !== ctx.actor.userId && ctx.actor.role !== 'admin') {
      throw new DomainError('forbidden', 'only the author (or an admin) may edit a comment');
    }
    const type = before.subjectType as CommentSubject;
    const title = await subjectTitle(tx, ctx.orgId, type, String(before.subjectId));
    const mentioned = await mentionedMembers(tx, ctx.orgId, mentionedEmails(input.body));
    const earlier = new Set(before.mentions as string[]);
    const edits = [
      ...(before.edits as { body: string; editedAt: string }[]),
      { body: String(before.body), editedAt: ctx.now().toISOString() },
    ];
    const row = await updateRow(tx, comments, ctx.orgId, id, {
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      mentions: [...new Set([...earlier, ...mentioned.map((m) => m.id)])],
      edits,
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'update', 'comments', id, present(before), out);
    const fresh = mentioned.filter((m) => !earlier.has(m.id));
    return { comment: out, mails: await notify(tx, ctx, row, title, fresh, false) };
  });
  await sendAll(mailer, mails);
  return comment;
}

/** Comments of a subject, oldest first (or the organization's latest 100 when no subject is given). */
export async function listComments(ctx: ServiceContext, query: Record<string, string | undefined>) {
  const { subjectType, subjectId } = query;
  const db = ctx.store.db;
  if (subjectType && subjectId) {
    const rows = await db
      .select()
      .from(comments)
      .where(
        and(
          eq(comments.orgId, ctx.orgId),
          eq(comments.subjectType, subjectType),
          eq(
            comments.subjectId,
            /^[0-9a-f-]{36}$/i.test(subjectId) ? subjectId : '00000000-0000-0000-0000-000000000000',
          ),
        ),
      )
      .orderBy(comments.createdAt, comments.id);
    return { items: rows.map((r) => present(r)) };
  }
  const rows = await db
    .select()
    .from(comments)
    .where(eq(comments.orgId, ctx.orgId))
    .orderBy(desc(comments.createdAt))
    .limit(100);
  return { items: rows.map((r) => present(r)) };
}

/** A comment of the organization, or not_found. */
export async function getComment(ctx: ServiceContext, id: string): Promise<Record<string, unknown>> {
  const row = await findRow(ctx.store.db, comments, ctx.orgId, id);
  if (!row) throw notFound('comment', id);
  return present(row);
}
