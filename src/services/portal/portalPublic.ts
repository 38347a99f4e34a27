import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  PortalCommentSubmission,
  PortalIdeaSubmission,
  PortalVoteSubmission,
} from '../../domain/entities/portal.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/db.ts';
import { portalAccounts, portalComments, portalIdeas } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { type PortalVisit, portalContext } from './portalAccess.ts';
import { voteCounts } from './portalIdeasAdmin.ts';
import { checkPortalPost } from './portalRateLimit.ts';
import { castVote, type Voter } from './portalVotes.ts';

export interface PublicIdea {
  id: string;
  title: string;
  body: string;
  status: string;
  votes: number;
  createdAt: Date;
  authorName: string;
}

const noIdea = () => new DomainError('not_found', 'no such idea on this portal');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ideas a portal shows (merged duplicates hidden), most voted first, then newest. */
export async function publicIdeas(store: Store, visit: PortalVisit): Promise<PublicIdea[]> {
  const rows = await store.db
    .select({
      id: portalIdeas.id,
      title: portalIdeas.title,
      body: portalIdeas.body,
      status: portalIdeas.status,
      createdAt: portalIdeas.createdAt,
      authorName: portalIdeas.authorName,
    })
    .from(portalIdeas)
    .where(
      and(
        eq(portalIdeas.orgId, visit.portal.orgId),
        eq(portalIdeas.portalId, visit.portal.id),
        isNull(portalIdeas.mergedIntoId),
      ),
    )
    .orderBy(asc(portalIdeas.id));
  const counts = await voteCounts(
    store.db,
    visit.portal.orgId,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) => ({ ...r, votes: counts.get(r.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || b.createdAt.getTime() - a.createdAt.getTime());
}

/** An idea of this portal with its comments (author names only), or where it was merged. */
export async function publicIdea(store: Store, visit: PortalVisit, ideaId: string) {
  if (!UUID.test(ideaId)) throw noIdea();
  const [idea] = await store.db
    .select()
    .from(portalIdeas)
    .where(
      and(
        eq(portalIdeas.orgId, visit.portal.orgId),
        eq(portalIdeas.portalId, visit.portal.id),
        eq(portalIdeas.id, ideaId.toLowerCase()),
      ),
    );
  if (!idea) throw noIdea();
  if (idea.mergedIntoId) return { mergedInto: idea.mergedIntoId } as const;
  const comments = await store.db
    .select({
      authorName: portalComments.authorName,
      body: portalComments.body,
      createdAt: portalComments.createdAt,
    })
    .from(portalComments)
    .where(and(eq(portalComments.orgId, visit.portal.orgId), eq(portalComments.ideaId, idea.id)))
    .orderBy(asc(portalComments.createdAt), asc(portalComments.id));
  const votes = (await voteCounts(store.db, visit.portal.orgId, [idea.id])).get(idea.id) ?? 0;
  return {
    idea: {
      id: idea.id,
      title: idea.title,
      body: idea.body,
      status: idea.status,
      votes,
      createdAt: idea.createdAt,
      authorName: idea.authorName,
    } satisfies PublicIdea,
    comments,
  } as const;
}

/**
 * Who is voting: the signed-in account, or (on a public portal) the email address given. An address
 * that belongs to one of the portal's accounts is matched to that account's customer.
 */
async function voterOf(tx: Db, visit: PortalVisit, email: string | undefined, name: string) {
  if (visit.account) {
    const a = visit.account;
    return {
      voter: {
        key: `account:${a.id}`,
        accountId: a.id,
        email: a.email,
        customerId: a.customerId,
        proxy: false,
      },
      name: a.name || name,
    } satisfies { voter: Voter; name: string };
  }
  if (!email) {
    throw new DomainError('invalid_input', 'give your email address (we tell you when the idea ships)', {
      issues: [{ path: ['email'], message: 'required' }],
    });
  }
  const [account] = await tx
    .select({ id: portalAccounts.id, customerId: portalAccounts.customerId })
    .from(portalAccounts)
    .where(and(eq(portalAccounts.portalId, visit.portal.id), eq(portalAccounts.email, email)))
    .limit(1);
  return {
    voter: {
      key: `email:${email}`,
      accountId: null,
      email,
      customerId: account?.customerId ?? null,
      proxy: false,
    },
    name,
  };
}

async function lockPublicIdea(tx: Db, visit: PortalVisit, ideaId: string) {
  if (!UUID.test(ideaId)) throw noIdea();
  const [idea] = await tx
    .select()
    .from(portalIdeas)
    .where(
      and(
        eq(portalIdeas.orgId, visit.portal.orgId),
        eq(portalIdeas.portalId, visit.portal.id),
        eq(portalIdeas.id, ideaId.toLowerCase()),
      ),
    )
    .for('update');
  if (!idea) throw noIdea();
  if (idea.mergedIntoId) throw new DomainError('unprocessable', 'this idea was merged into another one');
  return idea;
}

/** A customer submits an idea; it counts as their vote for it. */
export async function submitIdea(store: Store, visit: PortalVisit, raw: unknown, ip: string) {
  const input = parseInput(PortalIdeaSubmission, raw, 'idea');
  const ctx = portalContext(store, visit);
  return inTransaction(ctx, async (tx) => {
    await checkPortalPost(tx, visit.portal.id, ip, ctx.now());
    const { voter, name } = await voterOf(tx, visit, input.email, input.name);
    const [row] = await tx
      .insert(portalIdeas)
      .values({
        orgId: ctx.orgId,
        portalId: visit.portal.id,
        title: input.title,
        body: input.body,
        authorName: name,
        authorEmail: voter.email,
        accountId: voter.accountId,
      })
      .returning();
    await writeAudit(tx, ctx, 'create', 'portal-ideas', row!.id, null, present(row!));
    await castVote(tx, ctx, { id: row!.id, title: row!.title, featureId: null }, voter, input.body);
    return { id: row!.id };
  });
}

/** One vote per voter per idea; voting again changes nothing. */
export async function voteOnIdea(store: Store, visit: PortalVisit, ideaId: string, raw: unknown, ip: string) {
  const input = parseInput(PortalVoteSubmission, raw ?? {}, 'vote');
  const ctx = portalContext(store, visit);
  return inTransaction(ctx, async (tx) => {
    await checkPortalPost(tx, visit.portal.id, ip, ctx.now());
    const idea = await lockPublicIdea(tx, visit, ideaId);
    const { voter } = await voterOf(tx, visit, input.email, input.name);
    const counted = await castVote(
      tx,
      ctx,
      { id: idea.id, title: idea.title, featureId: idea.featureId },
      voter,
    );
    return { id: idea.id, counted };
  });
}

export async function commentOnIdea(
  store: Store,
  visit: PortalVisit,
  ideaId: string,
  raw: unknown,
  ip: string,
) {
  const input = parseInput(PortalCommentSubmission, raw, 'comment');
  const ctx = portalContext(store, visit);
  return inTransaction(ctx, async (tx) => {
    await checkPortalPost(tx, visit.portal.id, ip, ctx.now());
    const idea = await lockPublicIdea(tx, visit, ideaId);
    const { voter, name } = await voterOf(tx, visit, input.email, input.name);
    const [row] = await tx
      .insert(portalComments)
      .values({
        orgId: ctx.orgId,
        ideaId: idea.id,
        accountId: voter.accountId,
        authorName: name,
        authorEmail: voter.email,
        body: input.body,
      })
      .returning();
    await writeAudit(tx, ctx, 'create', 'portal-comments', row!.id, null, present(row!));
    return { id: idea.id };
  });
}
