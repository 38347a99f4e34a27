import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import { periodAt, periodIndex } from '../../domain/periods.ts';
import { deleteRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import { initiatives, people } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { type CapacityWhatIf, WhatIfRequest, whatIfOf } from './capacityWhatIf.ts';
import { loadPlanningFrame } from './planningFrame.ts';
import { loadCapacityInput } from './storedCapacityInput.ts';

/** Body of POST /capacity/what-if/save: the same changes, and why (it lands in the decision log). */
export const WhatIfSaveRequest = WhatIfRequest.extend({
  rationale: z.string().trim().min(1).max(2000).default('Saved from the capacity what-if'),
});

export interface SavedWhatIf {
  whatIf: CapacityWhatIf;
  /** Ids of the people created, in the order of the addPerson changes. */
  createdPeople: string[];
  decision: Record<string, unknown>;
}

/**
 * Applies what-if changes for real, in one transaction with an audit entry per row and one decision:
 * addPerson creates a person, removePerson deletes the person (their allocations go with them),
 * delayInitiative moves the initiative's start quarter, dropInitiative cancels it. The changes are first
 * checked exactly as the what-if checks them, so what is saved is what was previewed.
 */
export async function saveCapacityWhatIf(ctx: ServiceContext, raw: unknown): Promise<SavedWhatIf> {
  const req = parseInput(WhatIfSaveRequest, raw, 'what-if');
  const frame = await loadPlanningFrame(ctx, { from: req.from, periods: req.periods });
  const stored = await loadCapacityInput(ctx, frame);
  const whatIf = whatIfOf(stored, req);
  return inTransaction(ctx, async (tx) => {
    const createdPeople: string[] = [];
    const touched: { type: string; id: string }[] = [];
    for (const ch of req.changes) {
      if ('addPerson' in ch) {
        const p = ch.addPerson;
        const roleName = stored.names.get(p.roleId) ?? 'person';
        const row = await insertRow(tx, people, {
          orgId: ctx.orgId,
          name: p.name ?? `New ${roleName}`,
          teamId: p.teamId,
          roleId: p.roleId,
          fte: p.fte,
          timeOff: {},
        });
        createdPeople.push(String(row.id));
        touched.push({ type: 'person', id: String(row.id) });
        await writeAudit(tx, ctx, 'create', 'people', String(row.id), null, present(row));
      } else if ('removePerson' in ch) {
        const id = ch.removePerson.personId;
        const before = await findRowForUpdate(tx, people, ctx.orgId, id);
        if (!before) throw notFound('person', id);
        await deleteRow(tx, people, ctx.orgId, id);
        await writeAudit(tx, ctx, 'delete', 'people', id, present(before), null);
      } else {
        const id = 'delayInitiative' in ch ? ch.delayInitiative.id : ch.dropInitiative.id;
        const before = await findRowForUpdate(tx, initiatives, ctx.orgId, id);
        if (!before) throw notFound('initiative', id);
        const values =
          'delayInitiative' in ch
            ? { startPeriod: periodAt(periodIndex(String(before.startPeriod)) + ch.delayInitiative.periods) }
            : { stage: 'cancelled' };
        const after = await updateRow(tx, initiatives, ctx.orgId, id, values);
        touched.push({ type: 'initiative', id });
        await writeAudit(tx, ctx, 'update', 'initiatives', id, present(before), present(after));
      }
    }
    const decision = await recordDecision(tx, ctx, {
      kind: 'other',
      title: `Capacity what-if saved: ${req.changes.length} change${req.changes.length === 1 ? '' : 's'}`,
      rationale: req.rationale,
      links: touched,
      data: {
        changes: req.changes,
        createdPeople,
        newAlerts: whatIf.newAlerts.length,
        resolvedAlerts: whatIf.resolvedAlerts.length,
      },
    });
    return { whatIf, createdPeople, decision };
  });
}
