import { randomBytes } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import { updateOf } from '../../domain/primitives.ts';
import type { Db } from '../../store/db.ts';
import { findRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import { webhookDeliveries, webhookSubscriptions } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { emitEvents } from './emitEvent.ts';
import { EVENT_TYPES } from './eventTypes.ts';

const SUBSCRIBABLE = ['*', ...EVENT_TYPES.filter((e) => e !== 'ping')] as [string, ...string[]];

const Url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

export const WebhookCreate = z.strictObject({
  url: Url,
  events: z.array(z.enum(SUBSCRIBABLE)).min(1).max(20),
  format: z.enum(['json', 'slack']).default('json'),
  active: z.boolean().default(true),
  description: z.string().max(500).default(''),
});
/** Only the fields sent change (no defaults: a PATCH of `url` must not re-activate a paused webhook). */
export const WebhookUpdate = updateOf(WebhookCreate);

/** The API shape of a subscription: never the secret (it is shown once, when created). */
function shown(row: Record<string, unknown>) {
  const { secret: _secret, lastSeq: _seq, ...rest } = present(row);
  return rest;
}

/** Creates a subscription; the answer carries the signing secret, the only time it is shown. */
export async function createWebhook(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(WebhookCreate, raw, 'webhook');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return inTransaction(ctx, async (tx) => {
    const row = await insertRow(tx, webhookSubscriptions, { ...input, secret, orgId: ctx.orgId });
    const out = shown(row);
    await writeAudit(tx, ctx, 'create', 'webhooks', String(row.id), null, out);
    return { ...out, secret };
  });
}

export async function listWebhooks(ctx: ServiceContext) {
  const rows = await ctx.store.db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.orgId, ctx.orgId))
    .orderBy(webhookSubscriptions.createdAt);
  return { items: rows.map((r) => shown(r)) };
}

export async function getWebhook(ctx: ServiceContext, id: string) {
  const row = await findRow(ctx.store.db, webhookSubscriptions, ctx.orgId, id);
  if (!row) throw notFound('webhook', id);
  return shown(row);
}

export async function updateWebhook(ctx: ServiceContext, id: string, raw: unknown, expectedVersion?: number) {
  const input = parseInput(WebhookUpdate, raw, 'webhook');
  return inTransaction(ctx, async (tx) => {
    const before = await lockWebhook(tx, ctx, id, expectedVersion);
    const after = shown(await updateRow(tx, webhookSubscriptions, ctx.orgId, id, input));
    await writeAudit(tx, ctx, 'update', 'webhooks', id, shown(before), after);
    return after;
  });
}

export async function deleteWebhook(ctx: ServiceContext, id: string, expectedVersion?: number) {
  await inTransaction(ctx, async (tx) => {
    const before = await lockWebhook(tx, ctx, id, expectedVersion);
    await tx
      .delete(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.orgId, ctx.orgId), eq(webhookSubscriptions.id, id)));
    await writeAudit(tx, ctx, 'delete', 'webhooks', id, shown(before), null);
  });
}

async function lockWebhook(tx: Db, ctx: ServiceContext, id: string, expectedVersion?: number) {
  const row = await findRowForUpdate(tx, webhookSubscriptions, ctx.orgId, id);
  if (!row) throw notFound('webhook', id);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new DomainError(
      'version_mismatch',
      `the webhook was changed meanwhile (now version ${row.version})`,
      {
        currentVersion: row.version,
      },
    );
  }
  return row;
}

/** Queues a `ping` event for this one subscription (delivered once it is active). */
export async function pingWebhook(ctx: ServiceContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    await lockWebhook(tx, ctx, id);
    await emitEvents(tx, ctx, [{ type: 'ping', data: { subscriptionId: id } }], { subscriptionId: id });
    await writeAudit(tx, ctx, 'ping', 'webhooks', id, null, null);
    return { queued: true };
  });
}

/** The delivery log of a subscription, newest first: attempts, status, last error, response status. */
export async function listDeliveries(ctx: ServiceContext, id: string, params: Record<string, string>) {
  await getWebhook(ctx, id);
  const limit = Math.min(200, Math.max(1, Number(params.limit ?? 50) || 50));
  const before = params.cursor ? Number(params.cursor) : undefined;
  const rows = await ctx.store.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        eq(webhookDeliveries.subscriptionId, id),
        before !== undefined && Number.isInteger(before) ? lt(webhookDeliveries.seq, before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.seq))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    items: page.map((r) => present(r)),
    nextCursor: more ? String(page[page.length - 1]!.seq) : null,
  };
}
