import { and, desc, eq, inArray } from 'drizzle-orm';
import { ReviewCreate, ReviewUpdate } from '../../domain/entities/review.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import {
  existingIds,
  findRow,
  findRowForUpdate,
  insertRow,
  updateRow,
} from '../../store/entityRepository.ts';
import { decisions, reviews } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { buildReviewAgenda } from './reviewAgenda.ts';

/** Creates a review meeting with its agenda generated from the data as it stands now. */
export async function createReview(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(ReviewCreate, raw ?? {}, 'review');
  const agenda = await buildReviewAgenda(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await insertRow(tx, reviews, {
      orgId: ctx.orgId,
      title: input.title,
      heldOn: input.heldOn ?? ctx.now().toISOString().slice(0, 10),
      agenda,
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'create', 'reviews', String(row.id), null, out);
    return out;
  });
}

/** Records the minutes and links the decisions taken (which must be in the organization's decision log). */
export async function updateReview(ctx: ServiceContext, id: string, raw: unknown, expectedVersion?: number) {
  const input = parseInput(ReviewUpdate, raw, 'review');
  return inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, reviews, ctx.orgId, id);
    if (!before) throw notFound('review', id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new DomainError('version_mismatch', `review ${id} has changed (version ${before.version})`, {
        currentVersion: before.version,
      });
    }
    if (input.decisionIds) {
      const found = await existingIds(tx, decisions, ctx.orgId, input.decisionIds);
      const unknown = input.decisionIds.filter((d) => !found.has(d));
      if (unknown.length) {
        throw new DomainError('unknown_reference', `no decision ${unknown[0]} in this organization`, {
          issues: [{ path: ['decisionIds'], message: `unknown decisions: ${unknown.join(', ')}` }],
        });
      }
    }
    const row = await updateRow(tx, reviews, ctx.orgId, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
      ...(input.decisionIds !== undefined ? { decisionIds: [...new Set(input.decisionIds)] } : {}),
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'update', 'reviews', id, present(before), out);
    return out;
  });
}

/** The organization's reviews, newest first. */
export async function listReviews(ctx: ServiceContext) {
  const rows = await ctx.store.db
    .select()
    .from(reviews)
    .where(eq(reviews.orgId, ctx.orgId))
    .orderBy(desc(reviews.heldOn), desc(reviews.createdAt))
    .limit(500);
  return { items: rows.map((r) => present(r)) };
}

/** A review with its linked decisions in full. */
export async function getReview(
  ctx: ServiceContext,
  id: string,
): Promise<Record<string, unknown> & { decisions: Record<string, unknown>[] }> {
  const row = await findRow(ctx.store.db, reviews, ctx.orgId, id);
  if (!row) throw notFound('review', id);
  const ids = row.decisionIds as string[];
  const linked = ids.length
    ? await ctx.store.db
        .select()
        .from(decisions)
        .where(and(eq(decisions.orgId, ctx.orgId), inArray(decisions.id, ids)))
        .orderBy(decisions.createdAt)
    : [];
  return { ...present(row), decisions: linked.map((d) => present(d)) };
}
