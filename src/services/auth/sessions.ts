import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../domain/entities/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { apiTokens, memberships, organizations, sessions, ssoSessions, users } from '../../store/schema.ts';
import type { Actor } from '../context.ts';
import { checkLoginRate, clearLoginFailures, recordLoginFailure } from './loginRateLimit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { digest, newSecret } from './secrets.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Membership {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
}

export interface Principal {
  actor: Actor;
  orgId: string;
  memberships: Membership[];
  /** How the request proved who it is; cookie sessions need a CSRF token on writes. */
  via: 'session' | 'token';
  csrfToken?: string;
  scope: 'read' | 'read-write';
}

export async function membershipsOf(store: Store, userId: string): Promise<Membership[]> {
  const rows = await store.db
    .select({
      orgId: memberships.orgId,
      role: memberships.role,
      orgSlug: organizations.slug,
      orgName: organizations.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.slug));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

// A real hash of a random password, so unknown emails cost the same time as wrong passwords.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword(newSecret());
  return dummyHash;
};

export interface OpenedSession {
  sessionId: string;
  csrfToken: string;
  userId: string;
  memberships: Membership[];
}

/**
 * Opens a server-side session for a user who has proved who they are (password or single sign-on).
 * The session id and CSRF token are returned once; only the id's digest is stored.
 */
export async function openSession(
  store: Store,
  userId: string,
  options: { orgId?: string; now?: Date; confined?: boolean } = {},
): Promise<OpenedSession> {
  const all = await membershipsOf(store, userId);
  const mships = options.confined ? all.filter((m) => m.orgId === options.orgId) : all;
  if (mships.length === 0) throw new DomainError('forbidden', 'this account belongs to no organization yet');
  const current = mships.find((m) => m.orgId === options.orgId) ?? mships[0]!;
  const sessionId = newSecret('ses_');
  const csrfToken = newSecret();
  await store.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      idHash: digest(sessionId),
      userId,
      orgId: current.orgId,
      csrfToken,
      expiresAt: new Date((options.now ?? new Date()).getTime() + SESSION_TTL_MS),
    });
    if (options.confined)
      await tx.insert(ssoSessions).values({ sessionIdHash: digest(sessionId), orgId: current.orgId });
  });
  return { sessionId, csrfToken, userId, memberships: mships };
}

/**
 * Checks email and password, after the login rate limit for this account and client address;
 * failures are counted, a success forgives them. On success opens a session.
 */
export async function login(
  store: Store,
  email: string,
  password: string,
  ip = 'unknown',
  now = new Date(),
): Promise<OpenedSession> {
  await checkLoginRate(store, email, ip, now);
  const [user] = await store.db
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    await recordLoginFailure(store, email, ip, now);
    throw new DomainError('unauthenticated', 'wrong email or password');
  }
  await clearLoginFailures(store, email);
  return openSession(store, user.id, { now });
}

export async function logout(store: Store, sessionId: string): Promise<void> {
  await store.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.idHash, digest(sessionId)));
}

function pickMembership(mships: Membership[], wanted: string | undefined, fallback: string | null) {
  if (wanted) return mships.find((m) => m.orgId === wanted || m.orgSlug === wanted);
  return mships.find((m) => m.orgId === fallback) ?? mships[0];
}

/** Resolves a session cookie to its user and organization; undefined when unknown, expired or revoked. */
export async function resolveSession(
  store: Store,
  sessionId: string,
  wantedOrg?: string,
  now = new Date(),
): Promise<Principal | undefined> {
  const [row] = await store.db
    .select({ s: sessions, u: users, confinedTo: ssoSessions.orgId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(ssoSessions, eq(ssoSessions.sessionIdHash, sessions.idHash))
    .where(
      and(eq(sessions.idHash, digest(sessionId)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    )
    .limit(1);
  if (!row) return undefined;
  const all = await membershipsOf(store, row.u.id);
  const mships = row.confinedTo ? all.filter((x) => x.orgId === row.confinedTo) : all;
  const m = pickMembership(mships, wantedOrg, row.s.orgId);
  if (!m) return undefined;
  return {
    actor: { type: 'user', id: row.u.id, userId: row.u.id, name: row.u.email, role: m.role },
    orgId: m.orgId,
    memberships: mships,
    via: 'session',
    csrfToken: row.s.csrfToken,
    scope: 'read-write',
  };
}

/** Makes `orgId` the session's current organization (the organization switcher). */
export async function switchOrganization(store: Store, sessionId: string, orgId: string): Promise<void> {
  await store.db
    .update(sessions)
    .set({ orgId })
    .where(eq(sessions.idHash, digest(sessionId)));
}

/** How precisely a token's last use is recorded. */
export const TOKEN_LAST_USED_RESOLUTION_MS = 60_000;

/** The token lookup of every API request, built once per database handle (see resolveToken). */
function buildTokenLookup(db: Store['db']) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      orgId: apiTokens.orgId,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      role: memberships.role,
      orgSlug: organizations.slug,
      orgName: organizations.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, apiTokens.userId), eq(memberships.orgId, apiTokens.orgId)),
    )
    .innerJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .limit(1)
    .prepare('sextant_resolve_token');
}
const tokenLookups = new WeakMap<Store['db'], ReturnType<typeof buildTokenLookup>>();

/**
 * Resolves a bearer token; records its last use (to the minute). One query, prepared: it runs on every
 * token request, so neither the query builder nor PostgreSQL's parser and planner should see it each
 * time; and a token belongs to one organization, so its membership there is all the principal needs.
 */
export async function resolveToken(
  store: Store,
  token: string,
  now = new Date(),
): Promise<Principal | undefined> {
  let lookup = tokenLookups.get(store.db);
  if (!lookup) {
    lookup = buildTokenLookup(store.db);
    tokenLookups.set(store.db, lookup);
  }
  const [row] = await lookup.execute({ hash: digest(token) });
  if (!row) return undefined;
  if (row.expiresAt && row.expiresAt <= now) return undefined;
  // A write on every request would make concurrent requests of one token queue on its row lock.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOKEN_LAST_USED_RESOLUTION_MS) {
    await store.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  const role = row.role as Role;
  return {
    actor: {
      type: 'token',
      id: row.id,
      userId: row.userId,
      name: `${row.email} (token ${row.name})`,
      role,
    },
    orgId: row.orgId,
    memberships: [{ orgId: row.orgId, orgSlug: row.orgSlug, orgName: row.orgName, role }],
    via: 'token',
    scope: row.scope as 'read' | 'read-write',
  };
}
