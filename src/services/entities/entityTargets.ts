import { notFound } from '../../domain/errors.ts';
import type { Action } from '../../domain/policy.ts';
import { findRow } from '../../store/entityRepository.ts';
import type { ServiceContext } from '../context.ts';
import type { EntityDefinition } from './entityDefinition.ts';
import { productsConcerned } from './entityService.ts';

type Op = 'create' | 'update' | 'delete';

/**
 * What authorization needs for a write to an entity: the action (which may depend on the record)
 * and the products concerned. An id outside the organization is not_found, whatever the role.
 */
export async function entityWriteTarget(
  ctx: ServiceContext,
  def: EntityDefinition,
  op: Op,
  id: string | undefined,
  body: unknown,
): Promise<{ action: Action; productIds: string[] }> {
  const input =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  let record: Record<string, unknown> = input;
  if (id) {
    const row = await findRow(ctx.store.db, def.table, ctx.orgId, id);
    if (!row) throw notFound(def.label, id);
    record = { ...row, ...input };
  }
  const rule = def.action[op];
  const action = typeof rule === 'function' ? rule(record) : rule;
  const productIds = await productsConcerned(ctx, def, { id, input: op === 'delete' ? undefined : input });
  return { action, productIds };
}
