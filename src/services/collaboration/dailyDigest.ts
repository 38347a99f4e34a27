import { sql } from 'drizzle-orm';
import type { Store } from '../../store/database.ts';
import { queryRows } from '../../store/queryRows.ts';
import { type Mail, type Mailer, mailerFromEnv, sendAll } from './mailer.ts';

interface DigestRow {
  user_id: string;
  email: string;
  org_name: string;
  title: string;
  created_at: Date | string;
}

/**
 * Emails each member, per organization, the notifications of the last 24 hours (up to `now`) they have not
 * read yet, unless they turned the digest off. One email per member and organization.
 */
export async function sendDailyDigest(
  store: Store,
  now: Date,
  mailer: Mailer | null = mailerFromEnv(),
): Promise<{ emails: number; recipients: string[] }> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const rows = await queryRows<DigestRow>(
    store.db,
    sql`SELECT n.user_id, u.email, o.name AS org_name, n.title, n.created_at
        FROM notifications n
        JOIN users u ON u.id = n.user_id
        JOIN organizations o ON o.id = n.org_id
        JOIN memberships m ON m.org_id = n.org_id AND m.user_id = n.user_id
        LEFT JOIN notification_preferences p ON p.org_id = n.org_id AND p.user_id = n.user_id
        WHERE n.read_at IS NULL AND n.created_at > ${since.toISOString()} AND n.created_at <= ${now.toISOString()}
          AND coalesce(p.digest, true)
        ORDER BY u.email, o.name, n.created_at`,
  );
  const groups = new Map<string, DigestRow[]>();
  for (const r of rows) {
    const key = `${r.email}\u0000${r.org_name}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const mails: Mail[] = [...groups.values()].map((g) => ({
    to: g[0]!.email,
    subject: `Sextant daily digest: ${g.length} unread in ${g[0]!.org_name}`,
    text: `${g.map((r) => `- ${r.title}`).join('\n')}\n`,
  }));
  const sent = await sendAll(mailer, mails);
  return { emails: sent, recipients: mails.map((m) => m.to) };
}
