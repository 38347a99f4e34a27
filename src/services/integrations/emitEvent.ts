import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { webhookDeliveries, webhookSubscriptions } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import type { EventType } from './eventTypes.ts';

/** What a subscriber receives (the `json` format body, plus the delivery's sequence number). */
export interface EventEnvelope {
  id: string;
  type: EventType;
  organizationId: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * Queues an integration event for every active subscription of the organization that wants it, inside
 * the caller's transaction (a transactional outbox): the event is delivered if and only if the change
 * that caused it commits, at least once, in order per subscription.
 */
export async function emitEvent(
  tx: Db,
  ctx: ServiceContext,
  type: EventType,
  data: Record<string, unknown>,
): Promise<void> {
  await emitEvents(tx, ctx, [{ type, data }]);
}

/** Several events of one transaction, in the given order, with one lookup of the subscriptions. */
export async function emitEvents(
  tx: Db,
  ctx: ServiceContext,
  events: { type: EventType; data: Record<string, unknown> }[],
  only?: { subscriptionId: string },
): Promise<void> {
  if (events.length === 0 || !ctx.orgId) return;
  const subs = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.orgId, ctx.orgId),
        only ? eq(webhookSubscriptions.id, only.subscriptionId) : eq(webhookSubscriptions.active, true),
      ),
    );
  if (subs.length === 0) return;
  const createdAt = ctx.now().toISOString();
  const envelopes = events.map(
    (e): EventEnvelope => ({
      id: randomUUID(),
      type: e.type,
      organizationId: ctx.orgId,
      createdAt,
      data: e.data,
    }),
  );
  for (const sub of subs) {
    const wanted = envelopes.filter((e) => only || sub.events.includes(e.type) || sub.events.includes('*'));
    if (wanted.length === 0) continue;
    // Taking the next numbers locks the subscription row until commit, so sequence order is commit order.
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ lastSeq: sql`${webhookSubscriptions.lastSeq} + ${wanted.length}` })
      .where(eq(webhookSubscriptions.id, sub.id))
      .returning({ lastSeq: webhookSubscriptions.lastSeq });
    const first = row!.lastSeq - wanted.length + 1;
    await tx.insert(webhookDeliveries).values(
      wanted.map((e, i) => ({
        orgId: ctx.orgId,
        subscriptionId: sub.id,
        eventId: e.id,
        eventType: e.type,
        seq: first + i,
        payload: e as unknown as Record<string, unknown>,
      })),
    );
  }
}

/**
 * Whether any active subscription of the organization wants events of this type: bulk writers skip
 * building event payloads when nobody listens. Read in the caller's transaction.
 */
export async function anyoneWants(tx: Db, ctx: ServiceContext, type: EventType): Promise<boolean> {
  if (!ctx.orgId) return false;
  const rows = await tx
    .select({ events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, ctx.orgId), eq(webhookSubscriptions.active, true)));
  return rows.some((r) => r.events.includes(type) || r.events.includes('*'));
}
