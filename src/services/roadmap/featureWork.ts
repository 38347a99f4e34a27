import { fteQuarters } from '../capacity/effortUnits.ts';

/** How a feature's effort becomes a schedulable item: how long it runs and how many FTE of each role it uses. */
export type FeatureWork =
  | { ok: true; effort: Record<string, number>; duration: number; demand: Record<string, number> }
  | { ok: false; effort: Record<string, number>; reason: string; roleId: string };

/**
 * Effort per role in person-weeks ÷ 13 = FTE-quarters `e_r`. The feature runs
 * `d = max(1, ⌈max_r e_r / c_r⌉)` quarters, where `c_r` is the role's sustained capacity (its last
 * planning quarter), using `e_r / d` FTE of each role in every quarter it runs — so no feature ever needs
 * more of a role than the team has, and small features take one quarter. A role the team has none of
 * makes the feature unschedulable. Roles the organization does not know are ignored.
 */
export function featureWork(
  effortByRole: Record<string, number>,
  sustained: (roleId: string) => number | undefined,
  roleName: (roleId: string) => string,
): FeatureWork {
  const effort: Record<string, number> = {};
  for (const [roleId, weeks] of Object.entries(effortByRole))
    if (weeks > 0 && sustained(roleId) !== undefined) effort[roleId] = fteQuarters(weeks);
  let duration = 1;
  for (const [roleId, e] of Object.entries(effort)) {
    const c = sustained(roleId)!;
    if (!(c > 1e-9))
      return { ok: false, effort, roleId, reason: `needs ${roleName(roleId)} and the team has none` };
    duration = Math.max(duration, Math.ceil(e / c));
  }
  const demand: Record<string, number> = {};
  for (const [roleId, e] of Object.entries(effort)) demand[roleId] = e / duration;
  return { ok: true, effort, duration, demand };
}
