import { and, eq } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { announcementSubscribers } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { mailHtml, publicBaseUrl } from '../mail/mailHtml.ts';
import { mailConfigured, type OutboxMail, queueMails } from '../mail/mailOutbox.ts';
import { escapeHtml } from './changelogPage.ts';
import { renderChangelogMarkdown } from './renderChangelogMarkdown.ts';

export interface AnnouncedRelease {
  id: string;
  name: string;
  productId: string;
  productName: string;
  orgName: string;
  /** The base note and the segment variants, as published. */
  notes: { segmentId: string | null; markdown: string }[];
}

/**
 * Queues the announcement of a published release to the product's subscribers, in the publishing
 * transaction: each subscriber gets the variant of their segment when one is written, else the base
 * note. One mail per release and address, however often this runs.
 */
export async function queueReleaseAnnouncement(
  tx: Db,
  ctx: ServiceContext,
  release: AnnouncedRelease,
): Promise<number> {
  if (!mailConfigured()) return 0;
  const subscribers = await tx
    .select({ email: announcementSubscribers.email, segmentId: announcementSubscribers.segmentId })
    .from(announcementSubscribers)
    .where(
      and(
        eq(announcementSubscribers.orgId, ctx.orgId),
        eq(announcementSubscribers.productId, release.productId),
      ),
    )
    .orderBy(announcementSubscribers.email);
  if (subscribers.length === 0) return 0;
  const base = release.notes.find((n) => n.segmentId === null);
  if (!base) return 0;
  const bySegment = new Map(release.notes.filter((n) => n.segmentId).map((n) => [n.segmentId!, n]));
  const subject = `${release.productName}: ${release.name} is out`;
  const site = publicBaseUrl();
  const link = site ? `${site}/changelog/${release.productId}` : null;
  const footer = `You receive this because ${release.orgName} subscribed you to ${release.productName} release announcements.`;
  const rendered = new Map<string, { text: string; html: string }>();
  const render = (markdown: string) => {
    let r = rendered.get(markdown);
    if (!r) {
      const text = `${markdown}\n${link ? `\nThe full changelog: ${link}\n` : ''}\n--\n${footer}\n`;
      const linkHtml = link ? `<p><a href="${escapeHtml(link)}">The full changelog</a></p>` : '';
      r = { text, html: mailHtml(subject, `${renderChangelogMarkdown(markdown)}${linkHtml}`, footer) };
      rendered.set(markdown, r);
    }
    return r;
  };
  const mails: OutboxMail[] = subscribers.map((s) => {
    const note = (s.segmentId ? bySegment.get(s.segmentId) : undefined) ?? base;
    return {
      kind: 'release',
      ref: `release:${release.id}:${s.email}`,
      to: s.email,
      subject,
      ...render(note.markdown),
    };
  });
  return queueMails(tx, ctx, mails);
}
