import { eq } from 'drizzle-orm';
import type { RiskStatus } from '../../engine/finance/riskExposure.ts';
import type { Db } from '../../store/db.ts';
import { risks } from '../../store/schema.ts';

/** A risk-register entry with what the reports need (the engine's RiskItem plus labels and dates). */
export interface StoredRisk {
  id: string;
  title: string;
  productId: string | null;
  initiativeId: string | null;
  probability: number;
  impact: number;
  status: RiskStatus;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Every risk of the organization in one query. */
export async function loadRisks(db: Db, orgId: string): Promise<StoredRisk[]> {
  const rows = await db
    .select({
      id: risks.id,
      title: risks.title,
      productId: risks.productId,
      initiativeId: risks.initiativeId,
      probability: risks.probability,
      impact: risks.impact,
      status: risks.status,
      owner: risks.owner,
      createdAt: risks.createdAt,
      updatedAt: risks.updatedAt,
    })
    .from(risks)
    .where(eq(risks.orgId, orgId))
    .orderBy(risks.createdAt, risks.id);
  return rows.map((r) => ({ ...r, status: r.status as RiskStatus }));
}
