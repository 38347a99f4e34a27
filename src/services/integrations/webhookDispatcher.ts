import { sql } from 'drizzle-orm';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';
import { type PollingLoop, startPollingLoop } from '../pollingLoop.ts';
import type { EventEnvelope } from './emitEvent.ts';
import { webhookBody } from './webhookBody.ts';
import { signWebhook } from './webhookSignature.ts';

export interface DispatcherOptions {
  /** How often to look for due deliveries (ms). */
  pollMs?: number;
  /** The first retry waits this long; each further one twice as long (ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts a delivery is marked failed and the next one may go. */
  maxAttempts?: number;
  /** How long one process may hold a claimed delivery before another may retry it (ms). */
  leaseMs?: number;
  timeoutMs?: number;
  batch?: number;
}

const DEFAULTS: Required<DispatcherOptions> = {
  pollMs: 1000,
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 10,
  leaseMs: 60_000,
  timeoutMs: 10_000,
  batch: 20,
};

interface Due {
  id: string;
  seq: number;
  attempts: number;
  payload: EventEnvelope;
  url: string;
  secret: string;
  format: string;
}

/** Delay before attempt `attempts + 1`, after `attempts` failures: base × 2^(attempts−1), capped. */
export function backoffMs(
  attempts: number,
  o: Pick<Required<DispatcherOptions>, 'baseDelayMs' | 'maxDelayMs'>,
) {
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims the due deliveries: per subscription only the lowest pending sequence number (so deliveries go
 * in order), locked with SKIP LOCKED and leased by moving next_attempt_at, so several Sextant processes
 * can dispatch without sending one delivery twice at the same time.
 */
async function claimDue(store: Store, o: Required<DispatcherOptions>): Promise<Due[]> {
  return store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const rows = await queryRows<Due>(
      tx,
      sql`SELECT d.id, d.seq, d.attempts, d.payload, s.url, s.secret, s.format
          FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.active
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                            WHERE e.subscription_id = d.subscription_id AND e.status = 'pending' AND e.seq < d.seq)
          ORDER BY d.next_attempt_at, d.seq
          LIMIT ${o.batch}
          FOR UPDATE OF d SKIP LOCKED`,
    );
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      await tx.execute(
        sql`UPDATE webhook_deliveries SET next_attempt_at = now() + (${o.leaseMs} * interval '1 millisecond')
            WHERE id IN ${ids}`,
      );
    }
    return rows;
  });
}

async function attempt(store: Store, d: Due, o: Required<DispatcherOptions>): Promise<void> {
  const body = webhookBody(d.format, d.payload, d.seq);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sextant-Webhooks/1',
        'sextant-timestamp': timestamp,
        'sextant-signature': signWebhook(d.secret, timestamp, body),
        'sextant-delivery-id': d.id,
        'sextant-event': d.payload.type,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message.slice(0, 500);
  }
  const attempts = d.attempts + 1;
  if (!error) {
    await store.db.execute(
      sql`UPDATE webhook_deliveries SET status = 'delivered', attempts = ${attempts}, response_status = ${status},
            last_error = NULL, delivered_at = now() WHERE id = ${d.id}`,
    );
    return;
  }
  const gaveUp = attempts >= o.maxAttempts;
  await store.db.execute(
    sql`UPDATE webhook_deliveries SET status = ${gaveUp ? 'failed' : 'pending'}, attempts = ${attempts},
          response_status = ${status}, last_error = ${error},
          next_attempt_at = now() + (${backoffMs(attempts, o)} * interval '1 millisecond')
        WHERE id = ${d.id}`,
  );
}

/** One dispatch pass: sends every due delivery (one at a time per subscription); returns how many were tried. */
export async function dispatchDueWebhooks(store: Store, options: DispatcherOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const due = await claimDue(store, o);
  // Different subscriptions in parallel; each has at most one claimed delivery (its lowest pending seq).
  await Promise.all(due.map((d) => attempt(store, d, o)));
  return due.length;
}

/** A running dispatcher loop; `stop()` waits for the pass in flight. */
export type WebhookDispatcher = PollingLoop;

/**
 * Starts delivering webhooks from the outbox in the background (the server process runs one; any number
 * of processes may run one against the same PostgreSQL), on the same polling loop as the job worker.
 */
export function startWebhookDispatcher(store: Store, options: DispatcherOptions = {}): WebhookDispatcher {
  const o = { ...DEFAULTS, ...options };
  return startPollingLoop(async () => (await dispatchDueWebhooks(store, o)) > 0, {
    pollMs: o.pollMs,
    name: 'webhook dispatcher',
  });
}
