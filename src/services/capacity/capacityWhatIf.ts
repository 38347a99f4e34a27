import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import { Id, Name, Period } from '../../domain/primitives.ts';
import { type CapacityChange, whatIfCapacity } from '../../engine/schedule/whatIfCapacity.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { asDomainError, CAPACITY_LEVELS, type NamedCapacityView, nameView } from './capacityReport.ts';
import { loadPlanningFrame } from './planningFrame.ts';
import { loadCapacityInput, type StoredCapacity } from './storedCapacityInput.ts';

const Fte = z.number().min(0).max(1.5);

/** One what-if change, as the API takes it. */
export const CapacityChangeInput = z.union([
  z.strictObject({
    addPerson: z.strictObject({ teamId: Id, roleId: Id, fte: Fte, name: Name.optional() }),
  }),
  z.strictObject({ removePerson: z.strictObject({ personId: Id }) }),
  z.strictObject({
    delayInitiative: z.strictObject({ id: Id, periods: z.number().int().min(-40).max(40) }),
  }),
  z.strictObject({ dropInitiative: z.strictObject({ id: Id }) }),
]);
export type CapacityChangeInput = z.infer<typeof CapacityChangeInput>;

/** Body of POST /capacity/what-if: the changes, and the frame and level of the views returned. */
export const WhatIfRequest = z.strictObject({
  changes: z.array(CapacityChangeInput).min(1).max(100),
  level: z.enum([...CAPACITY_LEVELS, 'all']).default('all'),
  from: Period.optional(),
  periods: z.number().int().min(1).max(40).optional(),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;

/** Id the what-if gives the n-th added person (1-based) before anything is saved. */
export const newPersonId = (n: number) => `new-person-${n}`;

export interface CapacityWhatIf {
  changes: CapacityChangeInput[];
  before: NamedCapacityView;
  after: NamedCapacityView;
  deltas: (ReturnType<typeof whatIfCapacity>['deltas'][number] & { name: string })[];
  newAlerts: (ReturnType<typeof whatIfCapacity>['newAlerts'][number] & { name: string })[];
  resolvedAlerts: (ReturnType<typeof whatIfCapacity>['resolvedAlerts'][number] & { name: string })[];
  beyondHorizon: { sourceId: string; name: string; amount: number }[];
}

/**
 * Checks every id of the changes against the stored organization and turns them into engine changes.
 * Ids outside the organization are not_found; an initiative must be approved or active (only those are
 * demand).
 */
export function toEngineChanges(stored: StoredCapacity, changes: CapacityChangeInput[]): CapacityChange[] {
  const teams = new Set(stored.resources.teams.map((t) => t.id));
  const roles = new Set(stored.resources.roles.map((r) => r.id));
  const people = new Set(stored.resources.people.map((p) => p.id));
  let added = 0;
  return changes.map((ch): CapacityChange => {
    if ('addPerson' in ch) {
      const p = ch.addPerson;
      if (!teams.has(p.teamId)) throw notFound('team', p.teamId);
      if (!roles.has(p.roleId)) throw notFound('role', p.roleId);
      added++;
      return {
        kind: 'addPerson',
        person: { id: newPersonId(added), name: p.name, teamId: p.teamId, roleId: p.roleId, fte: p.fte },
      };
    }
    if ('removePerson' in ch) {
      if (!people.has(ch.removePerson.personId)) throw notFound('person', ch.removePerson.personId);
      return { kind: 'removePerson', personId: ch.removePerson.personId };
    }
    const id = 'delayInitiative' in ch ? ch.delayInitiative.id : ch.dropInitiative.id;
    if (!stored.names.has(id)) throw notFound('initiative', id);
    if (!stored.initiativeIds.has(id))
      throw new DomainError(
        'invalid_input',
        `initiative ${id} is not approved or active, so it is no demand`,
        {
          issues: [{ path: ['changes'], message: 'initiative not approved or active' }],
        },
      );
    return 'delayInitiative' in ch
      ? { kind: 'delayInitiative', id, periods: ch.delayInitiative.periods }
      : { kind: 'dropInitiative', id };
  });
}

/**
 * What-if on the stored organization: applies hiring, leaving, delaying and dropping to a copy of the
 * capacity inputs and returns the views before and after, the cells that moved and the alerts that
 * appear or go. Reads only: nothing is written (POST /capacity/what-if/save does that).
 */
export async function runCapacityWhatIf(ctx: ServiceContext, raw: unknown): Promise<CapacityWhatIf> {
  const req = parseInput(WhatIfRequest, raw, 'what-if');
  const frame = await loadPlanningFrame(ctx, { from: req.from, periods: req.periods });
  const stored = await loadCapacityInput(ctx, frame);
  return whatIfOf(stored, req);
}

/** The what-if over already-loaded inputs (the save path reuses it to validate before writing). */
export function whatIfOf(stored: StoredCapacity, req: WhatIfRequest): CapacityWhatIf {
  const changes = toEngineChanges(stored, req.changes);
  const names = new Map(stored.names);
  for (const ch of changes)
    if (ch.kind === 'addPerson') names.set(ch.person.id, ch.person.name ?? 'New person');
  let result: ReturnType<typeof whatIfCapacity>;
  try {
    result = whatIfCapacity(stored.input, changes);
  } catch (err) {
    return asDomainError(err);
  }
  const named = <T extends { key: string }>(x: T) => ({ ...x, name: names.get(x.key) ?? x.key });
  return {
    changes: req.changes,
    before: nameView(result.before, req.level, names),
    after: nameView(result.after, req.level, names),
    deltas: result.deltas.map(named),
    newAlerts: result.newAlerts.map(named),
    resolvedAlerts: result.resolvedAlerts.map(named),
    beyondHorizon: result.beyondHorizon.map((b) => ({ ...b, name: names.get(b.sourceId) ?? b.sourceId })),
  };
}
