import { and, count, eq } from 'drizzle-orm';
import { GateDecision, type GateDefinition, type GateOutcome } from '../../domain/entities/gate.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import { initiativeGates, initiatives, risks } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { loadGates } from './gateConfig.ts';
import { FIELD_LABELS, type GateEvidence, missingRequirements } from './missingRequirements.ts';

type Row = Record<string, unknown>;
type HistoryEntry = {
  gate: string;
  outcome: string;
  comment: string;
  actorName: string;
  at: string;
  decisionId?: string;
};

async function evidence(db: Db, orgId: string, initiative: Row): Promise<GateEvidence> {
  const [r] = await db
    .select({ n: count() })
    .from(risks)
    .where(and(eq(risks.orgId, orgId), eq(risks.initiativeId, String(initiative.id))));
  return {
    description: String(initiative.description ?? ''),
    custom: (initiative.custom as Record<string, unknown>) ?? {},
    costPerPeriod: initiative.costPerPeriod as number[],
    costRange: initiative.costRange,
    benefitPerPeriod: initiative.benefitPerPeriod as number[],
    benefitRange: initiative.benefitRange,
    probability: Number(initiative.probability),
    demand: initiative.demand as { perPeriod: number[] }[],
    riskCount: Number(r?.n ?? 0),
  };
}

async function stateRow(
  db: Db,
  orgId: string,
  initiativeId: string,
  lock: boolean,
): Promise<Row | undefined> {
  const q = db
    .select()
    .from(initiativeGates)
    .where(and(eq(initiativeGates.orgId, orgId), eq(initiativeGates.initiativeId, initiativeId)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] as Row | undefined;
}

function describe(gates: GateDefinition[], state: Row | undefined, e: GateEvidence) {
  const currentKey = state ? String(state.currentGate) : gates[0]!.key;
  const status = state ? String(state.status) : 'waiting';
  const gate = gates.find((g) => g.key === currentKey) ?? null;
  const missing = gate && status === 'waiting' ? missingRequirements(gate.requiredFields, e) : [];
  return {
    currentGate: gate ?? { key: currentKey, name: currentKey, requiredFields: [], approverRoles: [] },
    status,
    missing: missing.map((f) => ({ field: f, label: FIELD_LABELS[f] })),
    gates: gates.map((g) => ({ key: g.key, name: g.name })),
    history: (state?.history as HistoryEntry[] | undefined) ?? [],
  };
}

/** Where an initiative stands: its current gate, what is still missing there, and the history. */
export async function getInitiativeGate(ctx: ServiceContext, initiativeId: string) {
  const db = ctx.store.db;
  const initiative = await findRow(db, initiatives, ctx.orgId, initiativeId);
  if (!initiative) throw notFound('initiative', initiativeId);
  const gates = await loadGates(db, ctx.orgId);
  const state = await stateRow(db, ctx.orgId, initiativeId, false);
  return { initiativeId, ...describe(gates, state, await evidence(db, ctx.orgId, initiative)) };
}

const VERB: Record<GateOutcome, string> = { approve: 'Passed', reject: 'Rejected', send_back: 'Sent back' };

/**
 * Approves, rejects or sends back an initiative at its current gate. Only the gate's approver roles may
 * decide (403 names them); an approval is refused while the gate's requirements are missing (422 lists
 * them). Approving moves the initiative to the next gate (after the last: passed); sending back returns it
 * to the previous gate; rejecting ends the process. Every outcome lands in the decision log (kind 'gate').
 */
export async function decideGate(
  ctx: ServiceContext,
  initiativeId: string,
  outcome: GateOutcome,
  raw: unknown,
) {
  const input = parseInput(GateDecision, raw, 'gate decision');
  return inTransaction(ctx, async (tx) => {
    const initiative = await findRowForUpdate(tx, initiatives, ctx.orgId, initiativeId);
    if (!initiative) throw notFound('initiative', initiativeId);
    const gates = await loadGates(tx, ctx.orgId);
    let state = await stateRow(tx, ctx.orgId, initiativeId, true);
    const before = state ? present(state) : null;
    const status = state ? String(state.status) : 'waiting';
    if (status !== 'waiting') {
      throw new DomainError(
        'conflict',
        `initiative "${String(initiative.name)}" is ${status}: no gate waits for a decision`,
      );
    }
    const index = gates.findIndex((g) => g.key === (state ? String(state.currentGate) : gates[0]!.key));
    if (index < 0) {
      throw new DomainError(
        'conflict',
        `gate "${String(state?.currentGate)}" is no longer configured; send the initiative back`,
      );
    }
    const gate = gates[index]!;
    if (!gate.approverRoles.includes(ctx.actor.role)) {
      throw new DomainError(
        'forbidden',
        `the ${ctx.actor.role} role may not decide at gate "${gate.name}"; it may be decided by: ${gate.approverRoles.join(', ')}`,
        { gate: gate.key, approverRoles: gate.approverRoles },
      );
    }
    if (outcome === 'approve') {
      const missing = missingRequirements(gate.requiredFields, await evidence(tx, ctx.orgId, initiative));
      if (missing.length > 0) {
        throw new DomainError(
          'unprocessable',
          `gate "${gate.name}" cannot be passed while these are missing: ${missing.map((f) => FIELD_LABELS[f]).join('; ')}`,
          { gate: gate.key, missing },
        );
      }
    }
    const next =
      outcome === 'approve'
        ? index + 1 < gates.length
          ? { gate: gates[index + 1]!.key, status: 'waiting' }
          : { gate: gate.key, status: 'passed' }
        : outcome === 'reject'
          ? { gate: gate.key, status: 'rejected' }
          : { gate: gates[Math.max(index - 1, 0)]!.key, status: 'waiting' };
    const decision = await recordDecision(tx, ctx, {
      kind: 'gate',
      title: `${VERB[outcome]} gate "${gate.name}": ${String(initiative.name)}`,
      rationale: input.comment,
      subjectType: 'initiative',
      subjectId: initiativeId,
      data: { gate: gate.key, outcome, nextGate: next.gate, status: next.status },
    });
    const entry: HistoryEntry = {
      gate: gate.key,
      outcome,
      comment: input.comment,
      actorName: ctx.actor.name,
      at: ctx.now().toISOString(),
      decisionId: String(decision.id),
    };
    const history = [...((state?.history as HistoryEntry[] | undefined) ?? []), entry];
    if (state) {
      state = await updateRow(tx, initiativeGates, ctx.orgId, String(state.id), {
        currentGate: next.gate,
        status: next.status,
        history,
      });
    } else {
      state = await insertRow(tx, initiativeGates, {
        orgId: ctx.orgId,
        initiativeId,
        currentGate: next.gate,
        status: next.status,
        history,
      });
    }
    await writeAudit(tx, ctx, outcome, 'initiative_gates', initiativeId, before, present(state));
    return {
      initiativeId,
      decision,
      ...describe(gates, state, await evidence(tx, ctx.orgId, initiative)),
    };
  });
}
