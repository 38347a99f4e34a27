import type { Db } from '../store/db.ts';
import { insertRow } from '../store/entityRepository.ts';
import { decisions } from '../store/schema.ts';
import { writeAudit } from './auditTrail.ts';
import type { ServiceContext } from './context.ts';
import { emitEvent } from './integrations/emitEvent.ts';
import { present } from './present.ts';

export interface DecisionInput {
  kind: string;
  title: string;
  rationale: string;
  subjectType?: string | null;
  subjectId?: string | null;
  links?: { type: string; id: string }[];
  data?: Record<string, unknown>;
}

/** Appends a decision to the log (inside the caller's transaction), stamped with the actor. */
export async function recordDecision(tx: Db, ctx: ServiceContext, input: DecisionInput) {
  const row = await insertRow(tx, decisions, {
    orgId: ctx.orgId,
    kind: input.kind,
    title: input.title,
    rationale: input.rationale,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    links: input.links ?? [],
    data: input.data ?? {},
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
  });
  const out = present(row);
  await writeAudit(tx, ctx, 'create', 'decisions', String(row.id), null, out);
  await emitEvent(tx, ctx, 'decision.recorded', out);
  return out;
}
