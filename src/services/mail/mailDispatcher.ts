import { sql } from 'drizzle-orm';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';
import { type Mailer, mailerFromEnv } from '../collaboration/mailer.ts';
import { backoffMs, type DispatcherOptions } from '../integrations/webhookDispatcher.ts';

const DEFAULTS = {
  pollMs: 1000,
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 10,
  leaseMs: 120_000,
  batch: 20,
};

export type MailDispatcherOptions = Omit<DispatcherOptions, 'timeoutMs'> & {
  /** The mailer to send with; default: the SMTP server configured by SEXTANT_SMTP_URL at each pass. */
  mailer?: Mailer | null;
};

interface Due {
  id: string;
  attempts: number;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
}

/** Claims due mails (SKIP LOCKED + a lease), so several processes never send one mail at the same time. */
async function claimDue(store: Store, o: typeof DEFAULTS): Promise<Due[]> {
  return store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const rows = await queryRows<Due>(
      tx,
      sql`SELECT id, attempts, to_address AS "toAddress", subject, text_body AS "textBody", html_body AS "htmlBody"
          FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, created_at LIMIT ${o.batch}
          FOR UPDATE SKIP LOCKED`,
    );
    if (rows.length > 0) {
      await tx.execute(
        sql`UPDATE mail_outbox SET next_attempt_at = now() + (${o.leaseMs} * interval '1 millisecond')
            WHERE id IN ${rows.map((r) => r.id)}`,
      );
    }
    return rows;
  });
}

async function attempt(store: Store, mailer: Mailer, d: Due, o: typeof DEFAULTS): Promise<void> {
  const attempts = d.attempts + 1;
  try {
    await mailer.send({
      to: d.toAddress,
      subject: d.subject,
      text: d.textBody,
      ...(d.htmlBody ? { html: d.htmlBody } : {}),
    });
  } catch (err) {
    const gaveUp = attempts >= o.maxAttempts;
    await store.db.execute(
      sql`UPDATE mail_outbox SET status = ${gaveUp ? 'failed' : 'pending'}, attempts = ${attempts},
            last_error = ${(err as Error).message.slice(0, 500)},
            next_attempt_at = now() + (${backoffMs(attempts, o)} * interval '1 millisecond')
          WHERE id = ${d.id}`,
    );
    return;
  }
  await store.db.execute(
    sql`UPDATE mail_outbox SET status = 'sent', attempts = ${attempts}, last_error = NULL, sent_at = now()
        WHERE id = ${d.id}`,
  );
}

/** One pass: sends every due mail; returns how many were tried (0 when no SMTP server is configured). */
export async function dispatchDueMail(store: Store, options: MailDispatcherOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const mailer = options.mailer === undefined ? mailerFromEnv() : options.mailer;
  if (!mailer) return 0;
  const due = await claimDue(store, o);
  // One at a time: SMTP servers throttle parallel senders, and order within a batch is kept.
  for (const d of due) await attempt(store, mailer, d, o);
  return due.length;
}

export interface MailDispatcher {
  stop(): Promise<void>;
}

/** Sends queued mail in the background (every `sextant serve` process runs one). */
export function startMailDispatcher(store: Store, options: MailDispatcherOptions = {}): MailDispatcher {
  const o = { ...DEFAULTS, ...options };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await dispatchDueMail(store, o)) > 0) {}
      } catch (err) {
        if (!stopped) process.stderr.write(`mail dispatcher: ${(err as Error).message}\n`);
      }
      if (!stopped) timer = setTimeout(tick, o.pollMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
