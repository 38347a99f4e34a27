import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { apiTokens, memberships } from '../../store/schema.ts';
import { parseInput } from '../entities/entityService.ts';
import { digest, newSecret } from './secrets.ts';

export const TokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100).default('token'),
  scope: z.enum(['read', 'read-write']),
  /** Days until the token expires (default 90; at most 2 years). */
  expiresInDays: z.number().int().min(1).max(730).default(90),
});

export interface CreatedToken {
  id: string;
  token: string;
  name: string;
  scope: string;
  expiresAt: string;
}

/** Creates an API token for a member of `orgId`; the secret is returned once and stored only hashed. */
export async function createToken(
  store: Store,
  orgId: string,
  userId: string,
  raw: unknown,
): Promise<CreatedToken> {
  const input = parseInput(TokenCreate, raw, 'token');
  const [member] = await store.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!member) throw new DomainError('not_found', 'that user is not a member of this organization');
  const token = newSecret('sxt_');
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const [row] = await store.db
    .insert(apiTokens)
    .values({
      orgId,
      userId,
      name: input.name,
      scope: input.scope,
      tokenHash: digest(token),
      prefix: token.slice(0, 10),
      expiresAt,
    })
    .returning();
  return { id: row!.id, token, name: row!.name, scope: row!.scope, expiresAt: expiresAt.toISOString() };
}

/** Tokens of a user in an organization, without their secrets. */
export async function listTokens(store: Store, orgId: string, userId: string) {
  const rows = await store.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Throws not_found unless `tokenId` is a token of this user in this organization. */
export async function assertOwnToken(
  store: Store,
  orgId: string,
  userId: string,
  tokenId: string,
): Promise<void> {
  const [row] = await store.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId)));
  if (!row) throw new DomainError('not_found', `no token ${tokenId} of yours in this organization`);
}

/** Revokes one of the user's tokens in the organization; refused at once afterwards. */
export async function revokeToken(
  store: Store,
  orgId: string,
  userId: string,
  tokenId: string,
): Promise<void> {
  const rows = await store.db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        eq(apiTokens.orgId, orgId),
        eq(apiTokens.userId, userId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new DomainError('not_found', `no active token ${tokenId}`);
}
