import type { Db } from '../../store/db.ts';
import { findRow } from '../../store/entityRepository.ts';
import { releases } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { notifyPortalVoters } from '../portal/portalShipped.ts';
import { emitEvent } from './emitEvent.ts';

type Row = Record<string, unknown>;

/** `feedback.created` for a new feedback item (an afterWrite entity rule). */
export async function feedbackEvents(tx: Db, ctx: ServiceContext, before: Row | undefined, after: Row) {
  if (before) return;
  await emitEvent(tx, ctx, 'feedback.created', after);
}

/**
 * `feature.shipped` when a feature's status becomes shipped — unless its release is still unpublished:
 * then the event goes out when the release is published (publishRelease), so it fires once, when
 * customers get the feature.
 */
export async function featureEvents(tx: Db, ctx: ServiceContext, before: Row | undefined, after: Row) {
  if (after.status !== 'shipped' || before?.status === 'shipped') return;
  if (after.releaseId) {
    const release = await findRow(tx, releases, ctx.orgId, String(after.releaseId));
    if (release && release.status !== 'released') return;
  }
  await emitEvent(tx, ctx, 'feature.shipped', {
    id: after.id,
    title: after.title,
    productId: after.productId,
    releaseId: after.releaseId ?? null,
  });
  await notifyPortalVoters(tx, ctx, [
    {
      id: String(after.id),
      title: String(after.title),
      releaseId: (after.releaseId as string | null) ?? null,
    },
  ]);
}

/** `decision.recorded` for a decision entered through the API (recordDecision emits its own). */
export async function decisionEvents(tx: Db, ctx: ServiceContext, before: Row | undefined, after: Row) {
  if (before) return;
  await emitEvent(tx, ctx, 'decision.recorded', after);
}
