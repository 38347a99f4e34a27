import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { findRow } from '../../store/entityRepository.ts';
import { customers, feedback, feedbackLinks, portalVotes } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { emitEvent } from '../integrations/emitEvent.ts';
import { present } from '../present.ts';

/** How much a portal vote matters to the customer (feedback link importance, 0–3): "would like it". */
export const PORTAL_VOTE_IMPORTANCE = 1;

export interface Voter {
  /** The identity one vote per idea is counted by: account:<id>, email:<address> or customer:<id>. */
  key: string;
  accountId: string | null;
  email: string | null;
  customerId: string | null;
  proxy: boolean;
}

export interface VotedIdea {
  id: string;
  title: string;
  featureId: string | null;
}

/**
 * Records a vote and the feedback item it becomes (source "portal", the voter's customer when known),
 * linked to the idea's feature when it has one — so the vote counts as demand in prioritization, where
 * each customer counts once per feature. A voter who already voted changes nothing (returns false).
 */
export async function castVote(
  tx: Db,
  ctx: ServiceContext,
  idea: VotedIdea,
  voter: Voter,
  why = '',
): Promise<boolean> {
  const [vote] = await tx
    .insert(portalVotes)
    .values({
      orgId: ctx.orgId,
      ideaId: idea.id,
      voterKey: voter.key,
      accountId: voter.accountId,
      email: voter.email,
      customerId: voter.customerId,
      proxy: voter.proxy,
    })
    .onConflictDoNothing()
    .returning();
  if (!vote) return false;
  const customer = voter.customerId ? await findRow(tx, customers, ctx.orgId, voter.customerId) : undefined;
  const [item] = await tx
    .insert(feedback)
    .values({
      orgId: ctx.orgId,
      text: `${voter.proxy ? 'Proxy vote' : 'Portal vote'}: ${idea.title}`.slice(0, 10_000),
      why: why.slice(0, 20_000),
      source: 'portal',
      customerId: voter.customerId,
      segmentId: (customer?.segmentId as string | null | undefined) ?? null,
    })
    .returning();
  const fb = present(item!);
  await writeAudit(tx, ctx, 'create', 'feedback', item!.id, null, fb);
  await emitEvent(tx, ctx, 'feedback.created', fb);
  await tx.update(portalVotes).set({ feedbackId: item!.id }).where(eq(portalVotes.id, vote.id));
  await writeAudit(
    tx,
    ctx,
    'create',
    'portal-votes',
    vote.id,
    null,
    present({ ...vote, feedbackId: item!.id }),
  );
  if (idea.featureId) await linkFeedback(tx, ctx, [item!.id], idea.featureId);
  return true;
}

async function linkFeedback(tx: Db, ctx: ServiceContext, feedbackIds: string[], featureId: string) {
  if (feedbackIds.length === 0) return;
  const rows = await tx
    .insert(feedbackLinks)
    .values(
      feedbackIds.map((feedbackId) => ({
        orgId: ctx.orgId,
        feedbackId,
        featureId,
        importance: PORTAL_VOTE_IMPORTANCE,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const r of rows) await writeAudit(tx, ctx, 'create', 'feedback-links', r.id, null, present(r));
}

/** The feedback items of an idea's votes. */
async function voteFeedbackIds(tx: Db, ctx: ServiceContext, ideaId: string): Promise<string[]> {
  const rows = await tx
    .select({ feedbackId: portalVotes.feedbackId })
    .from(portalVotes)
    .where(
      and(
        eq(portalVotes.orgId, ctx.orgId),
        eq(portalVotes.ideaId, ideaId),
        isNotNull(portalVotes.feedbackId),
      ),
    );
  return rows.map((r) => r.feedbackId!);
}

/**
 * Moves the demand of an idea's votes from one feature to another: links of the vote feedback to the
 * old feature go, links to the new one come (either may be null).
 */
export async function relinkVotes(
  tx: Db,
  ctx: ServiceContext,
  ideaId: string,
  from: string | null,
  to: string | null,
): Promise<void> {
  if (from === to) return;
  await relinkFeedback(tx, ctx, await voteFeedbackIds(tx, ctx, ideaId), from, to);
}

/** Moves the links of these feedback items from one feature to another (either may be null). */
export async function relinkFeedback(
  tx: Db,
  ctx: ServiceContext,
  ids: string[],
  from: string | null,
  to: string | null,
): Promise<void> {
  if (from === to || ids.length === 0) return;
  if (from) {
    const gone = await tx
      .delete(feedbackLinks)
      .where(
        and(
          eq(feedbackLinks.orgId, ctx.orgId),
          eq(feedbackLinks.featureId, from),
          inArray(feedbackLinks.feedbackId, ids),
        ),
      )
      .returning();
    for (const r of gone) await writeAudit(tx, ctx, 'delete', 'feedback-links', r.id, present(r), null);
  }
  if (to) await linkFeedback(tx, ctx, ids, to);
}
