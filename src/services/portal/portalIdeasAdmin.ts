import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  PortalIdeaCreate,
  PortalIdeaFeature,
  PortalIdeaMerge,
  PortalIdeaUpdate,
  PortalProxyVote,
} from '../../domain/entities/portal.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import {
  customers,
  features,
  feedback,
  portalComments,
  portalIdeas,
  portals,
  portalVotes,
} from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { findPortal } from './portalAccounts.ts';
import { castVote, relinkFeedback, relinkVotes } from './portalVotes.ts';

/** Vote counts per idea (one per voter, merged duplicates already folded in). */
export async function voteCounts(db: Db, orgId: string, ideaIds: string[]): Promise<Map<string, number>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await db
    .select({ ideaId: portalVotes.ideaId, n: sql<number>`count(*)::int` })
    .from(portalVotes)
    .where(and(eq(portalVotes.orgId, orgId), inArray(portalVotes.ideaId, ideaIds)))
    .groupBy(portalVotes.ideaId);
  return new Map(rows.map((r) => [r.ideaId, Number(r.n)]));
}

/** Every idea of a portal (merged duplicates too, with mergedIntoId), most voted first. */
export async function listPortalIdeas(ctx: ServiceContext, portalId: string) {
  await findPortal(ctx, portalId);
  const rows = await ctx.store.db
    .select()
    .from(portalIdeas)
    .where(and(eq(portalIdeas.orgId, ctx.orgId), eq(portalIdeas.portalId, portalId)))
    .orderBy(desc(portalIdeas.createdAt), asc(portalIdeas.id));
  const counts = await voteCounts(
    ctx.store.db,
    ctx.orgId,
    rows.map((r) => r.id),
  );
  const items = rows
    .map((r) => ({ ...present(r), votes: counts.get(r.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  return { items };
}

async function lockIdea(tx: Db, ctx: ServiceContext, id: string) {
  const row = await findRowForUpdate(tx, portalIdeas, ctx.orgId, id);
  if (!row) throw notFound('portal idea', id);
  return row;
}

/** An idea with its votes (who, customer, proxy) and comments. */
export async function getPortalIdea(ctx: ServiceContext, id: string) {
  const row = await findRow(ctx.store.db, portalIdeas, ctx.orgId, id);
  if (!row) throw notFound('portal idea', id);
  const [votes, comments] = await Promise.all([
    ctx.store.db
      .select()
      .from(portalVotes)
      .where(and(eq(portalVotes.orgId, ctx.orgId), eq(portalVotes.ideaId, id)))
      .orderBy(asc(portalVotes.createdAt), asc(portalVotes.id)),
    ctx.store.db
      .select()
      .from(portalComments)
      .where(and(eq(portalComments.orgId, ctx.orgId), eq(portalComments.ideaId, id)))
      .orderBy(asc(portalComments.createdAt), asc(portalComments.id)),
  ]);
  return {
    ...present(row),
    votes: votes.length,
    voters: votes.map((v) => present(v)),
    comments: comments.map((c) => present(c)),
  };
}

/** The products an idea touches (its portal's and its feature's), for product managers' ownership. */
export async function ideaProducts(ctx: ServiceContext, id: string, featureId?: unknown): Promise<string[]> {
  const idea = await findRow(ctx.store.db, portalIdeas, ctx.orgId, id);
  if (!idea) throw notFound('portal idea', id);
  const out = new Set<string>();
  const portal = await findRow(ctx.store.db, portals, ctx.orgId, String(idea.portalId));
  if (portal?.productId) out.add(String(portal.productId));
  for (const f of [idea.featureId, featureId]) {
    if (typeof f !== 'string') continue;
    const feature = await findRow(ctx.store.db, features, ctx.orgId, f);
    if (feature) out.add(String(feature.productId));
  }
  return [...out];
}

/** An idea entered by the organization on a customer's behalf (no vote is cast for anyone). */
export async function createPortalIdea(ctx: ServiceContext, portalId: string, raw: unknown) {
  const input = parseInput(PortalIdeaCreate, raw, 'portal idea');
  return inTransaction(ctx, async (tx) => {
    const portal = await findRow(tx, portals, ctx.orgId, portalId);
    if (!portal) throw notFound('portal', portalId);
    const row = await insertRow(tx, portalIdeas, {
      orgId: ctx.orgId,
      portalId,
      ...input,
      authorName: ctx.actor.name,
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'create', 'portal-ideas', String(row.id), null, out);
    return { ...out, votes: 0 };
  });
}

/** Changes an idea's title, text or the status the portal shows. */
export async function updatePortalIdea(ctx: ServiceContext, id: string, raw: unknown) {
  const input = parseInput(PortalIdeaUpdate, raw, 'portal idea');
  return inTransaction(ctx, async (tx) => {
    const before = await lockIdea(tx, ctx, id);
    const after = present(await updateRow(tx, portalIdeas, ctx.orgId, id, input));
    await writeAudit(tx, ctx, 'update', 'portal-ideas', id, present(before), after);
    return after;
  });
}

/**
 * Links an idea to a feature (or unlinks it with null): its votes' feedback moves to the feature, so
 * they count as that feature's demand. A product's portal links only to that product's features.
 */
export async function linkPortalIdea(ctx: ServiceContext, id: string, raw: unknown) {
  const { featureId } = parseInput(PortalIdeaFeature, raw, 'portal idea feature');
  return inTransaction(ctx, async (tx) => {
    const before = await lockIdea(tx, ctx, id);
    if (before.mergedIntoId) {
      throw new DomainError('unprocessable', 'this idea was merged into another; link that one instead');
    }
    if (featureId) {
      const feature = await findRow(tx, features, ctx.orgId, featureId);
      if (!feature) {
        throw new DomainError('unknown_reference', `no feature ${featureId} in this organization`, {
          issues: [{ path: ['featureId'], message: 'unknown feature' }],
        });
      }
      const portal = await findRow(tx, portals, ctx.orgId, String(before.portalId));
      if (portal?.productId && portal.productId !== feature.productId) {
        throw new DomainError(
          'unprocessable',
          "this portal's ideas link only to its own product's features",
          {
            issues: [{ path: ['featureId'], message: 'a feature of another product' }],
          },
        );
      }
    }
    await relinkVotes(tx, ctx, id, (before.featureId as string | null) ?? null, featureId);
    const after = present(await updateRow(tx, portalIdeas, ctx.orgId, id, { featureId }));
    await writeAudit(tx, ctx, 'update', 'portal-ideas', id, present(before), after);
    return after;
  });
}

/**
 * Merges a duplicate into another idea of the same portal: its votes move (a voter who voted on both
 * keeps one vote — the duplicate's vote and its feedback item go), its comments move, and it is marked
 * merged. Vote feedback follows to the surviving idea's feature.
 */
export async function mergePortalIdea(ctx: ServiceContext, id: string, raw: unknown) {
  const { intoId } = parseInput(PortalIdeaMerge, raw, 'portal idea merge');
  if (intoId === id) throw new DomainError('unprocessable', 'an idea cannot be merged into itself');
  return inTransaction(ctx, async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = [id, intoId].sort();
    const a = await lockIdea(tx, ctx, first!);
    const b = await lockIdea(tx, ctx, second!);
    const dup = a.id === id ? a : b;
    const into = a.id === id ? b : a;
    if (dup.portalId !== into.portalId)
      throw new DomainError('unprocessable', 'merge ideas of the same portal');
    if (dup.mergedIntoId) throw new DomainError('conflict', 'this idea is already merged');
    if (into.mergedIntoId)
      throw new DomainError(
        'unprocessable',
        'the target idea is itself merged; merge into the one it was merged into',
      );
    const votes = await tx
      .select()
      .from(portalVotes)
      .where(and(eq(portalVotes.orgId, ctx.orgId), eq(portalVotes.ideaId, id)));
    const existing = new Set(
      (
        await tx
          .select({ key: portalVotes.voterKey })
          .from(portalVotes)
          .where(and(eq(portalVotes.orgId, ctx.orgId), eq(portalVotes.ideaId, intoId)))
      ).map((r) => r.key),
    );
    const moved: string[] = [];
    let dropped = 0;
    for (const v of votes) {
      if (existing.has(v.voterKey)) {
        await tx.delete(portalVotes).where(eq(portalVotes.id, v.id));
        await writeAudit(tx, ctx, 'delete', 'portal-votes', v.id, present(v), null);
        if (v.feedbackId) {
          const [gone] = await tx.delete(feedback).where(eq(feedback.id, v.feedbackId)).returning();
          if (gone) await writeAudit(tx, ctx, 'delete', 'feedback', gone.id, present(gone), null);
        }
        dropped++;
        continue;
      }
      await tx.update(portalVotes).set({ ideaId: intoId }).where(eq(portalVotes.id, v.id));
      if (v.feedbackId) moved.push(v.feedbackId);
    }
    await relinkFeedback(
      tx,
      ctx,
      moved,
      (dup.featureId as string | null) ?? null,
      (into.featureId as string | null) ?? null,
    );
    const comments = await tx
      .update(portalComments)
      .set({ ideaId: intoId })
      .where(and(eq(portalComments.orgId, ctx.orgId), eq(portalComments.ideaId, id)))
      .returning({ id: portalComments.id });
    const after = present(await updateRow(tx, portalIdeas, ctx.orgId, id, { mergedIntoId: intoId }));
    await writeAudit(tx, ctx, 'merge', 'portal-ideas', id, present(dup), after);
    return {
      idea: after,
      into: intoId,
      movedVotes: votes.length - dropped,
      duplicateVotes: dropped,
      movedComments: comments.length,
    };
  });
}

/** A vote on behalf of a customer account (one per customer per idea); it becomes that customer's feedback. */
export async function proxyVote(ctx: ServiceContext, id: string, raw: unknown) {
  const input = parseInput(PortalProxyVote, raw, 'proxy vote');
  return inTransaction(ctx, async (tx) => {
    const idea = await lockIdea(tx, ctx, id);
    if (idea.mergedIntoId)
      throw new DomainError('unprocessable', 'this idea was merged; vote on the one it was merged into');
    if (!(await findRow(tx, customers, ctx.orgId, input.customerId))) {
      throw new DomainError('unknown_reference', `no customer ${input.customerId} in this organization`, {
        issues: [{ path: ['customerId'], message: 'unknown customer' }],
      });
    }
    const created = await castVote(
      tx,
      ctx,
      { id, title: String(idea.title), featureId: (idea.featureId as string | null) ?? null },
      {
        key: `customer:${input.customerId}`,
        accountId: null,
        email: input.email ?? null,
        customerId: input.customerId,
        proxy: true,
      },
    );
    if (!created) throw new DomainError('conflict', 'this customer already has a proxy vote on this idea');
    const [vote] = await tx
      .select()
      .from(portalVotes)
      .where(and(eq(portalVotes.ideaId, id), eq(portalVotes.voterKey, `customer:${input.customerId}`)));
    return present(vote!);
  });
}
