import { personCapacity } from '../capacity/effortUnits.ts';
import type { StoredResources } from '../capacity/storedResources.ts';

/**
 * Capacity per role and quarter of a set of people: Σ (fte − time off) in FTE, one value per period of
 * `periods`. These are the scheduler's resources (the last value repeats beyond the horizon).
 */
export function roleCapacity(
  resources: StoredResources,
  periods: readonly string[],
  teamIds?: ReadonlySet<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>(resources.roles.map((r) => [r.id, periods.map(() => 0)]));
  for (const p of resources.people) {
    if (!p.roleId || !out.has(p.roleId)) continue;
    if (teamIds && (!p.teamId || !teamIds.has(p.teamId))) continue;
    const series = out.get(p.roleId)!;
    periods.forEach((q, t) => {
      series[t] += personCapacity(p, q);
    });
  }
  return out;
}

/** The teams working on a product (all teams' people count for the portfolio: pass no product). */
export function teamsOf(resources: StoredResources, productId: string | undefined): Set<string> | undefined {
  if (!productId) return undefined;
  return new Set(resources.teams.filter((t) => t.productId === productId).map((t) => t.id));
}
