import type { LateCause } from '../../domain/scheduleProblem.ts';

/** Why an item ends after its due date, in the roadmap's words (role and quarter, predecessor, or its own start). */
export type LatenessCause =
  | { kind: 'capacity'; roleId: string; roleName: string; period: number; periodLabel: string }
  | { kind: 'predecessor'; id: string; name: string }
  | { kind: 'earliest'; period: number; periodLabel: string };

/** Names the scheduler's lateness cause: the role short in which quarter, or the predecessor. */
export function latenessCause(
  c: LateCause,
  nameOf: (id: string) => string,
  label: (period: number) => string,
): LatenessCause {
  if ('resource' in c)
    return {
      kind: 'capacity',
      roleId: c.resource,
      roleName: nameOf(c.resource),
      period: c.period,
      periodLabel: label(c.period),
    };
  if ('after' in c) return { kind: 'predecessor', id: c.after, name: nameOf(c.after) };
  return { kind: 'earliest', period: c.earliest, periodLabel: label(c.earliest) };
}
