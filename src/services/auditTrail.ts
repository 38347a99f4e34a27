import type { Db } from '../store/db.ts';
import { insertAudit } from '../store/entityRepository.ts';
import type { ServiceContext } from './context.ts';

/** Appends an audit entry for a write, naming the actor (user, token or system), inside the caller's transaction. */
export function writeAudit(
  tx: Db,
  ctx: ServiceContext,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  return insertAudit(tx, {
    orgId: ctx.orgId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action,
    entity,
    entityId,
    before,
    after,
  });
}
