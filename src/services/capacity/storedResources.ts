import { eq } from 'drizzle-orm';
import { people, roles, teams } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

export interface StoredPerson {
  id: string;
  name: string;
  teamId: string | null;
  roleId: string | null;
  fte: number;
  timeOff: Record<string, number>;
}

/** Teams, roles and people of the organization: what capacity is made of. */
export interface StoredResources {
  teams: { id: string; name: string; productId: string | null }[];
  roles: { id: string; name: string }[];
  people: StoredPerson[];
}

/** Loads the organization's teams, roles and people (three queries), ordered by name then id. */
export async function loadStoredResources(ctx: ServiceContext): Promise<StoredResources> {
  const db = ctx.store.db;
  const [teamRows, roleRows, peopleRows] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name, productId: teams.productId })
      .from(teams)
      .where(eq(teams.orgId, ctx.orgId))
      .orderBy(teams.name, teams.id),
    db
      .select({ id: roles.id, name: roles.name })
      .from(roles)
      .where(eq(roles.orgId, ctx.orgId))
      .orderBy(roles.name, roles.id),
    db
      .select({
        id: people.id,
        name: people.name,
        teamId: people.teamId,
        roleId: people.roleId,
        fte: people.fte,
        timeOff: people.timeOff,
      })
      .from(people)
      .where(eq(people.orgId, ctx.orgId))
      .orderBy(people.name, people.id),
  ]);
  return { teams: teamRows, roles: roleRows, people: peopleRows };
}

/** The one team working on a product, if exactly one does (demand can then be placed on that team). */
export function soleTeamOf(resources: StoredResources, productId: string | null): string | undefined {
  if (!productId) return undefined;
  const mine = resources.teams.filter((t) => t.productId === productId);
  return mine.length === 1 ? mine[0]!.id : undefined;
}
