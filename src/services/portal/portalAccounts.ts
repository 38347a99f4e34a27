import { and, asc, eq, gt } from 'drizzle-orm';
import { PortalAccountInvite } from '../../domain/entities/portal.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { findRow } from '../../store/entityRepository.ts';
import { customers, portalAccounts, portalSessions, portals } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import { checkLoginRate, clearLoginFailures, recordLoginFailure } from '../auth/loginRateLimit.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { digest, newSecret } from '../auth/secrets.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { mailHtml, publicBaseUrl } from '../mail/mailHtml.ts';
import { queueMails } from '../mail/mailOutbox.ts';
import { present } from '../present.ts';
import { escapeHtml } from '../releases/changelogPage.ts';
import { inTransaction } from '../transaction.ts';
import type { PublicPortal } from './portalAccess.ts';

let dummyHash: Promise<string> | undefined;

export const PORTAL_SESSION_TTL_MS = 7 * 24 * 3600_000;
const INVITE_TTL_MS = 14 * 24 * 3600_000;

/** A portal of the organization, or not_found. */
export async function findPortal(ctx: ServiceContext, id: string) {
  const row = await findRow(ctx.store.db, portals, ctx.orgId, id);
  if (!row) throw notFound('portal', id);
  return row;
}

function shownAccount(row: Record<string, unknown>) {
  const { passwordHash, inviteHash: _i, ...rest } = present(row);
  return { ...rest, active: Boolean(passwordHash) };
}

export async function listPortalAccounts(ctx: ServiceContext, portalId: string) {
  await findPortal(ctx, portalId);
  const rows = await ctx.store.db
    .select()
    .from(portalAccounts)
    .where(and(eq(portalAccounts.orgId, ctx.orgId), eq(portalAccounts.portalId, portalId)))
    .orderBy(asc(portalAccounts.email));
  return { items: rows.map((r) => shownAccount(r)) };
}

/**
 * Invites a customer to a portal (or renews the invitation): a one-time link, valid 14 days, to set a
 * password. The link is in the answer (to hand over) and mailed when SMTP is configured. Only the
 * token's digest is stored.
 */
export async function invitePortalAccount(ctx: ServiceContext, portalId: string, raw: unknown) {
  const input = parseInput(PortalAccountInvite, raw, 'portal invitation');
  const token = newSecret('inv_');
  return inTransaction(ctx, async (tx) => {
    const portal = await findRow(tx, portals, ctx.orgId, portalId);
    if (!portal) throw notFound('portal', portalId);
    if (input.customerId && !(await findRow(tx, customers, ctx.orgId, input.customerId))) {
      throw new DomainError('unknown_reference', `no customer ${input.customerId} in this organization`, {
        issues: [{ path: ['customerId'], message: 'unknown customer' }],
      });
    }
    const values = {
      name: input.name,
      customerId: input.customerId,
      inviteHash: digest(token),
      inviteExpiresAt: new Date(ctx.now().getTime() + INVITE_TTL_MS),
    };
    const [row] = await tx
      .insert(portalAccounts)
      .values({ orgId: ctx.orgId, portalId, email: input.email, ...values })
      .onConflictDoUpdate({ target: [portalAccounts.portalId, portalAccounts.email], set: values })
      .returning();
    const out = shownAccount(row!);
    await writeAudit(tx, ctx, 'invite', 'portal-accounts', row!.id, null, out);
    const path = `/portal/${portal.slug}/invite/${token}`;
    const site = publicBaseUrl();
    const link = site ? `${site}${path}` : path;
    const title = String(portal.title);
    await queueMails(tx, ctx, [
      {
        kind: 'portal',
        ref: `portal-invite:${row!.id}:${digest(token).slice(0, 16)}`,
        to: input.email,
        subject: `You are invited to ${title}`,
        text: `You are invited to share ideas and vote on ${title}.\n\nSet your password: ${link}\n\nThe link works for 14 days.\n`,
        html: mailHtml(
          `You are invited to ${title}`,
          `<p>You are invited to share ideas and vote on ${escapeHtml(title)}.</p><p><a href="${escapeHtml(link)}">Set your password</a></p>`,
          'The link works for 14 days.',
        ),
      },
    ]);
    return { ...out, invitePath: path };
  });
}

/** The account an invitation token names, if it is still valid for this portal. */
async function invited(store: Store, portal: PublicPortal, token: string, now: Date) {
  const [row] = await store.db
    .select()
    .from(portalAccounts)
    .where(
      and(
        eq(portalAccounts.portalId, portal.id),
        eq(portalAccounts.inviteHash, digest(token)),
        gt(portalAccounts.inviteExpiresAt, now),
      ),
    )
    .limit(1);
  if (!row)
    throw new DomainError('not_found', 'this invitation link is not valid (used, expired or unknown)');
  return row;
}

export async function checkInvitation(store: Store, portal: PublicPortal, token: string) {
  const row = await invited(store, portal, token, new Date());
  return { email: row.email };
}

/** Sets the password of an invited account (the link then stops working) and signs it in. */
export async function acceptInvitation(store: Store, portal: PublicPortal, token: string, password: string) {
  const now = new Date();
  const row = await invited(store, portal, token, now);
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await store.db.transaction(async (tx) => {
    await tx
      .update(portalAccounts)
      .set({ passwordHash, inviteHash: null, inviteExpiresAt: null, updatedAt: now })
      .where(eq(portalAccounts.id, row.id));
  });
  return openPortalSession(store, portal, row.id, row.orgId, now);
}

async function openPortalSession(
  store: Store,
  portal: PublicPortal,
  accountId: string,
  orgId: string,
  now: Date,
) {
  const sessionId = newSecret('pss_');
  await store.db.insert(portalSessions).values({
    idHash: digest(sessionId),
    orgId,
    portalId: portal.id,
    accountId,
    expiresAt: new Date(now.getTime() + PORTAL_SESSION_TTL_MS),
  });
  return { sessionId };
}

/**
 * Signs a portal account in with email and password, under the same rate limits as members' sign-in
 * (counted apart from them: the key names the portal).
 */
export async function portalLogin(
  store: Store,
  portal: PublicPortal,
  email: string,
  password: string,
  ip: string,
) {
  const key = `portal:${portal.id}:${email.trim().toLowerCase()}`;
  const now = new Date();
  await checkLoginRate(store, key, ip, now);
  const [row] = await store.db
    .select()
    .from(portalAccounts)
    .where(and(eq(portalAccounts.portalId, portal.id), eq(portalAccounts.email, email.trim().toLowerCase())))
    .limit(1);
  // A real hash when there is no account (or it was never activated): unknown emails cost the same time.
  dummyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), password);
  if (!row?.passwordHash || !ok) {
    await recordLoginFailure(store, key, ip, now);
    throw new DomainError('unauthenticated', 'wrong email or password');
  }
  await clearLoginFailures(store, key);
  return openPortalSession(store, portal, row.id, row.orgId, now);
}

export async function portalLogout(store: Store, sessionId: string | undefined) {
  if (sessionId) await store.db.delete(portalSessions).where(eq(portalSessions.idHash, digest(sessionId)));
}
