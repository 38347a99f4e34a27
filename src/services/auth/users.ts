import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/entities/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { memberships, organizations, sessions, users } from '../../store/schema.ts';
import { parseInput } from '../entities/entityService.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';

export const UserAdd = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(256).optional(),
  role: z.enum(ROLES),
});

/** Creates a user (or finds the existing one by email) and makes them a member of `orgId` with `role`. */
export async function addUser(
  store: Store,
  orgId: string,
  raw: unknown,
): Promise<{ id: string; email: string; role: Role; created: boolean }> {
  const input = parseInput(UserAdd, raw, 'user');
  if (input.password !== undefined) checkPasswordStrength(input.password);
  const email = input.email.toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return store.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    let id = existing?.id;
    if (!id) {
      const [row] = await tx
        .insert(users)
        .values({ email, name: input.name ?? email.split('@')[0]!, passwordHash })
        .returning({ id: users.id });
      id = row!.id;
    }
    await tx
      .insert(memberships)
      .values({ orgId, userId: id, role: input.role })
      .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role: input.role } });
    return { id, email, role: input.role, created: !existing };
  });
}

/** Sets a new password and ends every open session of the user. */
export async function resetPassword(store: Store, email: string, password: string): Promise<void> {
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await store.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.email, email.toLowerCase()))
      .returning({ id: users.id });
    if (rows.length === 0) throw new DomainError('not_found', `no user with email ${email}`);
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, rows[0]!.id));
  });
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: string;
}

/** Users with their role in each organization (all organizations when orgId is omitted). */
export async function listUsers(store: Store, orgId?: string): Promise<UserSummary[]> {
  const rows = await store.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      organization: organizations.slug,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(orgId ? eq(memberships.orgId, orgId) : undefined)
    .orderBy(asc(organizations.slug), asc(users.email));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function findUserIdByEmail(store: Store, email: string): Promise<string | undefined> {
  const [row] = await store.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase())))
    .limit(1);
  return row?.id;
}
