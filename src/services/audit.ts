import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { DomainError } from '../domain/errors.ts';
import { auditLog } from '../store/schema.ts';
import type { ServiceContext } from './context.ts';

const FILTERS = ['entity', 'entityId', 'actorId', 'action'] as const;

/** The audit trail, newest first, filterable by entity, entity id, actor and action. */
export async function listAudit(ctx: ServiceContext, params: Record<string, string>) {
  const where: SQL[] = [eq(auditLog.orgId, ctx.orgId)];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'cursor' || key === 'limit') continue;
    if (!(FILTERS as readonly string[]).includes(key)) {
      throw new DomainError('invalid_input', `${key}: unknown filter; use ${FILTERS.join(', ')}`, {
        issues: [{ path: [key], message: 'unknown filter' }],
      });
    }
    where.push(eq(auditLog[key as (typeof FILTERS)[number]], value.slice(0, 200)));
  }
  const limit = params.limit ? Number(params.limit) : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new DomainError('invalid_input', 'limit: must be 1 to 500', {
      issues: [{ path: ['limit'], message: 'range' }],
    });
  }
  if (params.cursor) {
    const n = Number(params.cursor);
    if (!Number.isInteger(n)) {
      throw new DomainError('invalid_input', 'cursor: malformed', {
        issues: [{ path: ['cursor'], message: 'malformed' }],
      });
    }
    where.push(lt(auditLog.id, n));
  }
  const rows = await ctx.store.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    items: page.map(({ orgId: _org, ...r }) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: more ? String(page[page.length - 1]!.id) : null,
  };
}
