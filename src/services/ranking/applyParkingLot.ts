import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { explainPriorities } from '../../engine/scoring/rankFeatures.ts';
import { features } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { rankStoredFeatures } from './featureRanking.ts';
import { resolveProduct } from './resolveProduct.ts';

/** Only features nobody has started or decided on can be parked by the engine. */
export const PARKABLE_STATUSES = ['idea', 'planned'] as const;

export interface ParkingLotResult {
  productId: string | null;
  parked: { featureId: string; productId: string; title: string; reason: string }[];
  /** Features the engine parks that stay where they are (in progress, or already in the parking lot). */
  left: { featureId: string; status: string }[];
}

/**
 * Moves the features the engine parks — impact in the top-N segments below the threshold — to the parking
 * lot with the engine's reason, in one transaction with an audit entry per feature and one decision for the
 * run. Never parks a pulled-back feature (the engine does not park it), nor one in progress, shipped or
 * rejected; a feature already in the parking lot is left as it is.
 */
export async function applyParkingLot(
  ctx: ServiceContext,
  input: { productId?: string } = {},
): Promise<ParkingLotResult> {
  const productId = input.productId ? await resolveProduct(ctx, input.productId) : undefined;
  const r = await rankStoredFeatures(ctx, { productId });
  const n = r.input.features.length;
  const explained = explainPriorities(r.input, r.columns, r.result, r.options, { start: r.ranked, end: n });
  const parkedIdx = Array.from(r.result.order.subarray(r.ranked, n));
  const candidates: ParkingLotResult['parked'] = [];
  const left: ParkingLotResult['left'] = [];
  explained.features.forEach((f, k) => {
    const meta = r.meta[parkedIdx[k]!]!;
    if ((PARKABLE_STATUSES as readonly string[]).includes(meta.status)) {
      candidates.push({
        featureId: f.featureId,
        productId: f.productId,
        title: f.title,
        reason: f.parkedReason ?? 'no significant impact in the top segments',
      });
    } else left.push({ featureId: f.featureId, status: meta.status });
  });
  const parked = await inTransaction(ctx, async (tx) => {
    const done: ParkingLotResult['parked'] = [];
    if (candidates.length === 0) return done;
    // Lock and re-check: a feature started or pulled back since the ranking was read is left alone.
    const current = await tx
      .select()
      .from(features)
      .where(
        and(
          eq(features.orgId, ctx.orgId),
          inArray(
            features.id,
            candidates.map((c) => c.featureId),
          ),
          inArray(features.status, [...PARKABLE_STATUSES]),
          isNull(features.pulledBackRationale),
        ),
      )
      .for('update');
    const byId = new Map(current.map((row) => [row.id, row]));
    for (const c of candidates) {
      const before = byId.get(c.featureId);
      if (!before) continue;
      const [after] = await tx
        .update(features)
        .set({
          status: 'parking_lot',
          parkedReason: c.reason,
          version: sql`${features.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(features.orgId, ctx.orgId), eq(features.id, c.featureId)))
        .returning();
      await writeAudit(tx, ctx, 'park', 'features', c.featureId, present(before), present(after!));
      done.push(c);
    }
    if (done.length > 0) {
      const o = r.options;
      await recordDecision(tx, ctx, {
        kind: 'parking_lot',
        title: `Moved ${done.length} feature${done.length === 1 ? '' : 's'} to the parking lot`,
        rationale: `Their best impact on revenue, retention or adoption in the top ${o.topSegments ?? 3} segments is below ${o.parkThreshold ?? 0.5} on the 0–3 scale.`,
        subjectType: productId ? 'product' : null,
        subjectId: productId ?? null,
        data: { features: done.map((d) => ({ id: d.featureId, reason: d.reason })) },
      });
    }
    return done;
  });
  return { productId: productId ?? null, parked, left };
}
