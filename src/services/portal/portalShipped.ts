import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { portalAccounts, portalIdeas, portals, portalVotes } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { emitEvent } from '../integrations/emitEvent.ts';
import { mailHtml, publicBaseUrl } from '../mail/mailHtml.ts';
import { type OutboxMail, queueMails } from '../mail/mailOutbox.ts';
import { present } from '../present.ts';
import { escapeHtml } from '../releases/changelogPage.ts';

/**
 * When features reach customers (the moment `feature.shipped` fires), the portal ideas linked to them
 * show "shipped", and their voters hear of it through the release's channels: one email per voter
 * (when SMTP is configured; never twice for one idea) and a `portal.idea_shipped` event per idea.
 */
export async function notifyPortalVoters(
  tx: Db,
  ctx: ServiceContext,
  shipped: { id: string; title: string; releaseId?: string | null }[],
): Promise<void> {
  if (shipped.length === 0) return;
  const byFeature = new Map(shipped.map((f) => [f.id, f]));
  const ideas = await tx
    .select({ idea: portalIdeas, slug: portals.slug, portalTitle: portals.title })
    .from(portalIdeas)
    .innerJoin(portals, eq(portals.id, portalIdeas.portalId))
    .where(
      and(
        eq(portalIdeas.orgId, ctx.orgId),
        inArray(portalIdeas.featureId, [...byFeature.keys()]),
        isNull(portalIdeas.mergedIntoId),
      ),
    )
    .orderBy(portalIdeas.id);
  const site = publicBaseUrl();
  for (const { idea, slug, portalTitle } of ideas) {
    const feature = byFeature.get(idea.featureId!)!;
    if (idea.status !== 'shipped') {
      const [after] = await tx
        .update(portalIdeas)
        .set({ status: 'shipped', updatedAt: ctx.now() })
        .where(eq(portalIdeas.id, idea.id))
        .returning();
      await writeAudit(tx, ctx, 'update', 'portal-ideas', idea.id, present(idea), present(after!));
    }
    const voters = await tx
      .select({ email: portalVotes.email, accountEmail: portalAccounts.email })
      .from(portalVotes)
      .leftJoin(portalAccounts, eq(portalAccounts.id, portalVotes.accountId))
      .where(and(eq(portalVotes.orgId, ctx.orgId), eq(portalVotes.ideaId, idea.id)));
    const emails = [
      ...new Set(voters.map((v) => v.accountEmail ?? v.email).filter((e): e is string => !!e)),
    ].sort();
    const path = `/portal/${slug}/ideas/${idea.id}`;
    const link = site ? `${site}${path}` : null;
    const subject = `Shipped: ${idea.title}`;
    const footer = `You voted for this idea on ${portalTitle}.`;
    const mails: OutboxMail[] = emails.map((to) => ({
      kind: 'portal',
      ref: `portal-shipped:${idea.id}:${to}`,
      to,
      subject,
      text: `The idea you voted for has shipped: ${idea.title}\n\nIt is part of "${feature.title}".${link ? `\n\n${link}` : ''}\n\n--\n${footer}\n`,
      html: mailHtml(
        subject,
        `<p>The idea you voted for has shipped: <strong>${escapeHtml(idea.title)}</strong></p><p>It is part of “${escapeHtml(feature.title)}”.</p>${link ? `<p><a href="${escapeHtml(link)}">See the idea</a></p>` : ''}`,
        footer,
      ),
    }));
    const notified = await queueMails(tx, ctx, mails);
    await emitEvent(tx, ctx, 'portal.idea_shipped', {
      id: idea.id,
      portalId: idea.portalId,
      title: idea.title,
      featureId: feature.id,
      releaseId: feature.releaseId ?? null,
      voters: voters.length,
      emailed: notified,
      url: path,
    });
  }
}
