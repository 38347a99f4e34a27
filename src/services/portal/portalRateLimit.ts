import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { portalPosts } from '../../store/schema.ts';

const WINDOW_MS = 10 * 60_000;

/** Submissions (ideas, votes, comments) one address may make on one portal per 10 minutes. */
export function portalPostLimit(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SEXTANT_PORTAL_MAX_POSTS);
  return Number.isInteger(v) && v > 0 ? v : 20;
}

/**
 * Counts one submission from `ip`, or refuses it (429) when the address made too many on this portal
 * in the last 10 minutes. Kept in the database so every Sextant process sees the same counts.
 */
export async function checkPortalPost(tx: Db, portalId: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  await tx
    .delete(portalPosts)
    .where(and(eq(portalPosts.portalId, portalId), eq(portalPosts.ip, ip), lt(portalPosts.at, since)));
  const max = portalPostLimit();
  const recent = await tx
    .select({ at: portalPosts.at })
    .from(portalPosts)
    .where(and(eq(portalPosts.portalId, portalId), eq(portalPosts.ip, ip), gt(portalPosts.at, since)))
    .orderBy(asc(portalPosts.at))
    .limit(max);
  if (recent.length >= max) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((recent[0]!.at.getTime() + WINDOW_MS - now.getTime()) / 1000),
    );
    throw new DomainError(
      'rate_limited',
      'too many submissions from your address; try again in a few minutes',
      {
        retryAfterSeconds,
      },
    );
  }
  await tx.insert(portalPosts).values({ portalId, ip, at: now });
}
