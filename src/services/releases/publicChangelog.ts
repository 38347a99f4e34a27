import { and, desc, eq, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { organizations, products, releaseNotes, releases } from '../../store/schema.ts';
import { renderChangelogMarkdown } from './renderChangelogMarkdown.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a public URL names a product: by id, or by organization slug + product slug (slugs are per organization). */
export type ProductRef = { productId: string } | { orgSlug: string; productSlug: string };

export interface PublicProduct {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  name: string;
  slug: string;
  description: string;
}

export interface ChangelogEntry {
  releaseId: string;
  name: string;
  date: string | null;
  publishedAt: Date;
  updatedAt: Date;
  markdown: string;
  html: string;
}

export interface Changelog {
  product: PublicProduct;
  entries: ChangelogEntry[];
}

const noChangelog = () => new DomainError('not_found', 'no public changelog here');

/**
 * The product a public URL names, if its changelog is public. The request is anonymous, so the
 * organization comes from the product itself and every later read is scoped by it.
 */
export async function resolvePublicProduct(store: Store, ref: ProductRef): Promise<PublicProduct> {
  const where =
    'productId' in ref
      ? UUID.test(ref.productId)
        ? eq(products.id, ref.productId.toLowerCase())
        : undefined
      : and(eq(organizations.slug, ref.orgSlug), eq(products.slug, ref.productSlug));
  if (!where) throw noChangelog();
  const [row] = await store.db
    .select({
      id: products.id,
      orgId: products.orgId,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      name: products.name,
      slug: products.slug,
      description: products.description,
      changelogPublic: products.changelogPublic,
    })
    .from(products)
    .innerJoin(organizations, eq(organizations.id, products.orgId))
    .where(where)
    .limit(1);
  // A product whose owner switched the changelog off looks exactly like no product at all.
  if (!row?.changelogPublic) throw noChangelog();
  const { changelogPublic: _public, ...product } = row;
  return product;
}

/**
 * The published notes of a product, newest first: the base note, or a segment's variant where one exists
 * when `segmentId` is given. Markdown is rendered and sanitized here, once, for the page and the feeds.
 */
export async function publicChangelog(
  store: Store,
  ref: ProductRef,
  options: { segmentId?: string; limit?: number } = {},
): Promise<Changelog> {
  const product = await resolvePublicProduct(store, ref);
  const segmentId = options.segmentId && UUID.test(options.segmentId) ? options.segmentId : undefined;
  const rows = await store.db
    .select({
      releaseId: releases.id,
      name: releases.name,
      date: releases.actualDate,
      segmentId: releaseNotes.segmentId,
      markdown: releaseNotes.markdown,
      publishedAt: releaseNotes.publishedAt,
      updatedAt: releaseNotes.updatedAt,
    })
    .from(releaseNotes)
    .innerJoin(releases, eq(releases.id, releaseNotes.releaseId))
    .where(
      and(
        eq(releaseNotes.orgId, product.orgId),
        eq(releases.orgId, product.orgId),
        eq(releases.productId, product.id),
        isNotNull(releaseNotes.publishedAt),
        ne(releases.status, 'cancelled'),
        segmentId
          ? or(isNull(releaseNotes.segmentId), eq(releaseNotes.segmentId, segmentId))
          : isNull(releaseNotes.segmentId),
      ),
    )
    .orderBy(desc(releaseNotes.publishedAt), desc(releases.id))
    .limit((options.limit ?? 50) * (segmentId ? 2 : 1));
  const byRelease = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = byRelease.get(r.releaseId);
    // The segment's variant wins over the base note of the same release.
    if (!seen || (r.segmentId && !seen.segmentId)) byRelease.set(r.releaseId, r);
  }
  const entries = [...byRelease.values()].slice(0, options.limit ?? 50).map((r) => ({
    releaseId: r.releaseId,
    name: r.name,
    date: r.date,
    publishedAt: r.publishedAt!,
    updatedAt: r.updatedAt,
    markdown: r.markdown,
    html: renderChangelogMarkdown(r.markdown),
  }));
  return { product, entries };
}

/** Releases with a planned date (not cancelled), for the iCalendar feed. */
export async function plannedReleases(store: Store, ref: ProductRef) {
  const product = await resolvePublicProduct(store, ref);
  const rows = await store.db
    .select({
      id: releases.id,
      name: releases.name,
      plannedDate: releases.plannedDate,
      actualDate: releases.actualDate,
      status: releases.status,
      updatedAt: releases.updatedAt,
    })
    .from(releases)
    .where(
      and(
        eq(releases.orgId, product.orgId),
        eq(releases.productId, product.id),
        isNotNull(releases.plannedDate),
        ne(releases.status, 'cancelled'),
      ),
    )
    .orderBy(releases.plannedDate, releases.id);
  return { product, releases: rows };
}
