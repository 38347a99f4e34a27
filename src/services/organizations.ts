import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { Store } from '../store/database.ts';
import { organizations } from '../store/schema.ts';
import { parseInput } from './entities/entityService.ts';

/** Organization-wide settings; every engine default can be tuned here per organization. */
export const OrgSettings = z.strictObject({
  /** First planning quarter and how many quarters the plan covers. */
  planningStart: z
    .string()
    .regex(/^\d{4}Q[1-4]$/)
    .optional(),
  planningPeriods: z.number().int().min(1).max(40).optional(),
  /** Discount rate per quarter for NPV. */
  discountRate: z.number().min(0).max(1).optional(),
  currency: z.string().length(3).optional(),
  /** Segment attractiveness factor weights. */
  segmentFactorWeights: z.record(z.string().max(40), z.number().min(0).max(100)).optional(),
  /** Parking lot: how many top segments count, and the impact threshold below which a feature is parked. */
  parkingTopSegments: z.number().int().min(1).max(100).optional(),
  parkingThreshold: z.number().min(0).max(100).optional(),
  /** Boost for segment-specific work in the top segments when capacity is short (80/20 rule). */
  segmentSpecificBoost: z.number().min(0).max(10).optional(),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export const OrgCreate = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60),
  name: z.string().trim().min(1).max(200),
  settings: OrgSettings.default({}),
});

export interface Organization {
  id: string;
  slug: string;
  name: string;
  settings: OrgSettings;
}

export async function createOrganization(store: Store, raw: unknown, id?: string): Promise<Organization> {
  const input = parseInput(OrgCreate, raw, 'organization');
  const existing = await findOrganization(store, input.slug);
  if (existing) throw new DomainError('conflict', `an organization with slug ${input.slug} already exists`);
  const [row] = await store.db
    .insert(organizations)
    .values({ ...(id ? { id } : {}), slug: input.slug, name: input.name, settings: input.settings })
    .returning();
  return { id: row!.id, slug: row!.slug, name: row!.name, settings: row!.settings as OrgSettings };
}

/** Finds an organization by slug or id. */
export async function findOrganization(store: Store, slugOrId: string): Promise<Organization | undefined> {
  const isId = /^[0-9a-f-]{36}$/i.test(slugOrId);
  const [row] = await store.db
    .select()
    .from(organizations)
    .where(isId ? eq(organizations.id, slugOrId) : eq(organizations.slug, slugOrId))
    .limit(1);
  return row
    ? { id: row.id, slug: row.slug, name: row.name, settings: row.settings as OrgSettings }
    : undefined;
}

export async function listOrganizations(store: Store): Promise<Organization[]> {
  const rows = await store.db.select().from(organizations).orderBy(organizations.slug);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, settings: r.settings as OrgSettings }));
}
