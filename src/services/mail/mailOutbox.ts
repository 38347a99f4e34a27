import type { Db } from '../../store/db.ts';
import { mailOutbox } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** One email to queue. `ref` names what it is about, so the same mail is never queued twice. */
export interface OutboxMail {
  kind: 'release' | 'portal';
  ref: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Whether an SMTP server is configured (SEXTANT_SMTP_URL); without one, no mail is queued. */
export function mailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SEXTANT_SMTP_URL);
}

/**
 * Queues mails inside the caller's transaction (an outbox, like webhook deliveries): they are sent if
 * and only if the change that caused them commits, at least once, retried while the SMTP server fails.
 * Returns how many were queued (a ref queued before is skipped).
 */
export async function queueMails(tx: Db, ctx: ServiceContext, mails: readonly OutboxMail[]): Promise<number> {
  if (mails.length === 0 || !mailConfigured()) return 0;
  let queued = 0;
  // Chunks keep one statement's parameters well under PostgreSQL's 65,535.
  for (let i = 0; i < mails.length; i += 500) {
    const rows = await tx
      .insert(mailOutbox)
      .values(
        mails.slice(i, i + 500).map((m) => ({
          orgId: ctx.orgId,
          kind: m.kind,
          ref: m.ref,
          toAddress: m.to,
          subject: m.subject,
          textBody: m.text,
          htmlBody: m.html ?? null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: mailOutbox.id });
    queued += rows.length;
  }
  return queued;
}
