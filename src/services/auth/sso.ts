import { and, eq, gt, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/entities/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { memberships, organizations, ssoConfigs, ssoLogins, users } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { digest } from './secrets.ts';
import { type OpenedSession, openSession } from './sessions.ts';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The SSO settings an admin sends. The client secret may be left out to keep the stored one. */
export const SsoConfigInput = z.strictObject({
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000).optional(),
  /** Role of members created at their first single sign-on (admin cannot be handed out this way). */
  defaultRole: z.enum(ROLES.filter((r) => r !== 'admin') as [Role, ...Role[]]).default('viewer'),
  /** Only these email domains may sign in (empty: any address the provider vouches for). */
  allowedDomains: z
    .array(z.string().trim().toLowerCase().regex(DOMAIN, 'not a domain name'))
    .max(50)
    .default([]),
  enabled: z.boolean().default(true),
});

/** SSO settings as the API shows them: never the client secret. */
export interface SsoConfigView {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  defaultRole: Role;
  allowedDomains: string[];
  enabled: boolean;
  updatedAt: string;
}

type ConfigRow = typeof ssoConfigs.$inferSelect;

const view = (row: ConfigRow): SsoConfigView => ({
  issuer: row.issuer,
  clientId: row.clientId,
  hasClientSecret: row.clientSecret.length > 0,
  defaultRole: row.defaultRole as Role,
  allowedDomains: row.allowedDomains,
  enabled: row.enabled,
  updatedAt: row.updatedAt.toISOString(),
});

/** The organization's SSO settings, without the secret. */
export async function getSsoConfig(ctx: ServiceContext): Promise<SsoConfigView> {
  const [row] = await ctx.store.db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, ctx.orgId));
  if (!row) throw new DomainError('not_found', 'single sign-on is not configured for this organization');
  return view(row);
}

/** Creates or replaces the organization's SSO settings; audited without the secret. */
export async function setSsoConfig(ctx: ServiceContext, raw: unknown): Promise<SsoConfigView> {
  const input = parseInput(SsoConfigInput, raw, 'single sign-on settings');
  return ctx.store.db.transaction(async (tx) => {
    const [before] = await tx.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, ctx.orgId));
    const clientSecret = input.clientSecret ?? before?.clientSecret;
    if (!clientSecret) {
      throw new DomainError('invalid_input', 'invalid single sign-on settings at clientSecret: required', {
        issues: [{ path: ['clientSecret'], message: 'required the first time' }],
      });
    }
    const values = {
      issuer: input.issuer.replace(/\/+$/, ''),
      clientId: input.clientId,
      clientSecret,
      defaultRole: input.defaultRole,
      allowedDomains: input.allowedDomains,
      enabled: input.enabled,
    };
    const [row] = before
      ? await tx
          .update(ssoConfigs)
          .set({ ...values, version: before.version + 1, updatedAt: ctx.now() })
          .where(eq(ssoConfigs.orgId, ctx.orgId))
          .returning()
      : await tx
          .insert(ssoConfigs)
          .values({ orgId: ctx.orgId, ...values })
          .returning();
    const after = view(row!);
    await writeAudit(
      tx,
      ctx,
      before ? 'update' : 'create',
      'sso-config',
      ctx.orgId,
      before ? view(before) : null,
      after,
    );
    return after;
  });
}

/** Turns single sign-on off for the organization (members keep their accounts). */
export async function deleteSsoConfig(ctx: ServiceContext): Promise<void> {
  await ctx.store.db.transaction(async (tx) => {
    const [before] = await tx.delete(ssoConfigs).where(eq(ssoConfigs.orgId, ctx.orgId)).returning();
    if (!before) throw new DomainError('not_found', 'single sign-on is not configured for this organization');
    await writeAudit(tx, ctx, 'delete', 'sso-config', ctx.orgId, view(before), null);
  });
}

// Discovery documents change rarely; caching them saves a round trip per sign-in. Keyed by the
// secret's digest so a changed secret takes effect at once.
const DISCOVERY_TTL_MS = 10 * 60_000;
const discoveries = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

function discover(row: ConfigRow): Promise<oidc.Configuration> {
  const key = `${row.issuer}\n${row.clientId}\n${digest(row.clientSecret)}`;
  const hit = discoveries.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(row.issuer);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
    return Promise.reject(
      new DomainError(
        'unprocessable',
        'the identity provider must be served over HTTPS (plain HTTP only on localhost)',
      ),
    );
  }
  const config = oidc
    .discovery(
      issuer,
      row.clientId,
      { client_secret: row.clientSecret },
      oidc.ClientSecretBasic(row.clientSecret),
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    )
    .catch((err: unknown) => {
      discoveries.delete(key);
      throw new DomainError(
        'unprocessable',
        `cannot use the identity provider at ${row.issuer}: ${(err as Error).message ?? 'discovery failed'}`,
      );
    });
  discoveries.set(key, { at: Date.now(), config });
  return config;
}

async function enabledConfig(store: Store, orgId: string): Promise<ConfigRow> {
  const [row] = await store.db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, orgId));
  if (!row?.enabled)
    throw new DomainError('not_found', 'single sign-on is not enabled for this organization');
  return row;
}

const PENDING_TTL_MS = 10 * 60_000;

/**
 * Starts a sign-in at the organization's identity provider: authorization code flow with PKCE (S256),
 * state and nonce. The verifier and nonce stay in the database under the state's digest, so any
 * Sextant process can finish the sign-in. Returns the URL to send the browser to.
 */
export async function startSsoLogin(
  store: Store,
  orgSlug: string,
  redirectUri: string,
  now = new Date(),
): Promise<URL> {
  const [org] = await store.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, orgSlug));
  if (!org) throw new DomainError('not_found', `single sign-on is not enabled for organization ${orgSlug}`);
  const row = await enabledConfig(store, org.id);
  const config = await discover(row);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  await store.db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, now));
  await store.db.insert(ssoLogins).values({
    stateHash: digest(state),
    orgId: org.id,
    codeVerifier,
    nonce,
    redirectUri,
    expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
  });
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
}

/** Short, secret-free reason for a failed exchange (the provider's error code, not its payload). */
function failure(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const e = err as { error?: string; code?: string };
  const why = e.error ?? e.code ?? 'the response did not verify';
  return new DomainError('unauthenticated', `single sign-on failed: ${why}`);
}

/**
 * Finishes a sign-in on the provider's redirect: checks state (single use), exchanges the code with the
 * PKCE verifier, verifies the ID token (signature, issuer, audience, nonce), then maps the verified
 * email to an existing user — adding them to the organization with the default role if needed — or
 * creates the user. Opens a session in that organization.
 */
export async function finishSsoLogin(
  store: Store,
  params: URLSearchParams,
  now = new Date(),
): Promise<{ session: OpenedSession; orgId: string; email: string; created: boolean }> {
  const state = params.get('state');
  if (!state) throw new DomainError('invalid_input', 'the sign-in response has no state; start again');
  const [pending] = await store.db
    .delete(ssoLogins)
    .where(and(eq(ssoLogins.stateHash, digest(state)), gt(ssoLogins.expiresAt, now)))
    .returning();
  if (!pending) {
    throw new DomainError('invalid_input', 'this sign-in has expired or was already used; start again');
  }
  const row = await enabledConfig(store, pending.orgId);
  const config = await discover(row);
  const callback = new URL(pending.redirectUri);
  callback.search = params.toString();
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    // Providers that conform strictly put scope claims (email, name) only in the userinfo response.
    if (claims && typeof claims.email !== 'string') {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = {
        ...claims,
        email: info.email,
        email_verified: info.email_verified,
        name: claims.name ?? info.name,
      };
    }
  } catch (err) {
    throw failure(err);
  }
  const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || claims?.email_verified === false) {
    throw new DomainError('forbidden', 'the identity provider did not vouch for an email address');
  }
  const domain = email.split('@')[1] ?? '';
  if (row.allowedDomains.length > 0 && !row.allowedDomains.includes(domain)) {
    throw new DomainError('forbidden', `addresses at ${domain} may not sign in to this organization`);
  }
  const name =
    typeof claims?.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0]!;
  const { userId, created } = await store.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const id =
      existing?.id ??
      (
        await tx
          .insert(users)
          .values({ email, name: name.slice(0, 200), passwordHash: null })
          .returning()
      )[0]!.id;
    const joined = await tx
      .insert(memberships)
      .values({ orgId: pending.orgId, userId: id, role: row.defaultRole })
      .onConflictDoNothing()
      .returning();
    if (joined.length > 0) {
      const ctx: ServiceContext = {
        store,
        orgId: pending.orgId,
        actor: { type: 'user', id, userId: id, name: email, role: row.defaultRole as Role },
        now: () => now,
      };
      await writeAudit(tx, ctx, 'sso_join', 'memberships', id, null, {
        email,
        role: row.defaultRole,
        createdAccount: !existing,
      });
    }
    return { userId: id, created: !existing };
  });
  const session = await openSession(store, userId, { orgId: pending.orgId, now, confined: true });
  return { session, orgId: pending.orgId, email, created };
}
