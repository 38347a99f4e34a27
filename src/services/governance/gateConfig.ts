import { eq } from 'drizzle-orm';
import { GateConfigUpdate, type GateDefinition } from '../../domain/entities/gate.ts';
import type { Db } from '../../store/db.ts';
import { gateConfigs } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { inTransaction } from '../transaction.ts';

/** The gates an organization starts with (proposal → business case → approval → delivery → done). */
export const DEFAULT_GATES: readonly GateDefinition[] = [
  {
    key: 'proposal',
    name: 'Proposal',
    requiredFields: ['businessCase'],
    approverRoles: ['admin', 'portfolio_manager'],
  },
  {
    key: 'business_case',
    name: 'Business case',
    requiredFields: ['businessCase', 'costEstimate', 'benefitEstimate', 'risks'],
    approverRoles: ['admin', 'portfolio_manager'],
  },
  {
    key: 'approval',
    name: 'Approval',
    requiredFields: ['costEstimate', 'benefitEstimate', 'risks', 'probability', 'demand'],
    approverRoles: ['admin', 'portfolio_manager'],
  },
  {
    key: 'delivery',
    name: 'In delivery',
    requiredFields: [],
    approverRoles: ['admin', 'portfolio_manager', 'product_manager'],
  },
  { key: 'done', name: 'Done', requiredFields: [], approverRoles: ['admin', 'portfolio_manager'] },
];

/** The organization's gates; the defaults until someone configures them (nothing is written by a read). */
export async function loadGates(db: Db, orgId: string): Promise<GateDefinition[]> {
  const [row] = await db.select().from(gateConfigs).where(eq(gateConfigs.orgId, orgId));
  return (row?.gates as GateDefinition[] | undefined) ?? DEFAULT_GATES.map((g) => ({ ...g }));
}

/** GET /gates: the gates in order. */
export async function getGateConfig(ctx: ServiceContext) {
  return { gates: await loadGates(ctx.store.db, ctx.orgId) };
}

/**
 * Replaces the organization's gates. Initiatives waiting at a gate whose key no longer exists keep their
 * history; their next decision is refused until the gate is restored or they are sent back.
 */
export async function setGateConfig(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(GateConfigUpdate, raw, 'gate configuration');
  return inTransaction(ctx, async (tx) => {
    const before = await loadGates(tx, ctx.orgId);
    await tx
      .insert(gateConfigs)
      .values({ orgId: ctx.orgId, gates: input.gates })
      .onConflictDoUpdate({ target: gateConfigs.orgId, set: { gates: input.gates, updatedAt: ctx.now() } });
    await writeAudit(tx, ctx, 'update', 'gate_configs', null, { gates: before }, input);
    return { gates: input.gates };
  });
}
