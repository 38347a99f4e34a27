import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import { IsoDate, Markdown } from '../../domain/primitives.ts';
import type { Db } from '../../store/db.ts';
import { findRow, findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import {
  features,
  organizations,
  productPositioning,
  products,
  releaseNotes,
  releases,
  segments,
} from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { emitEvents } from '../integrations/emitEvent.ts';
import { notifyPortalVoters } from '../portal/portalShipped.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { composeReleaseNote } from './composeReleaseNote.ts';
import { queueReleaseAnnouncement } from './releaseAnnouncement.ts';

export const ReleaseNoteDraftRequest = z.strictObject({
  /** A segment id for a segment variant; absent or null for the base note. */
  segmentId: z.uuid().nullable().default(null),
  /** Recompose an existing unpublished draft (its edits are lost). */
  replace: z.boolean().default(false),
});
export const ReleaseNoteUpdate = z.strictObject({ markdown: Markdown });
export const PublishRequest = z.strictObject({
  /** The release date shown on the changelog (default: today). */
  date: IsoDate.optional(),
});

/** The product a release belongs to (for authorization), or not_found outside the organization. */
export async function releaseProduct(ctx: ServiceContext, releaseId: string): Promise<string> {
  const row = await findRow(ctx.store.db, releases, ctx.orgId, releaseId);
  if (!row) throw notFound('release', releaseId);
  return String(row.productId);
}

/** The product a release note belongs to (through its release), or not_found outside the organization. */
export async function releaseNoteProduct(ctx: ServiceContext, noteId: string): Promise<string> {
  const note = await findRow(ctx.store.db, releaseNotes, ctx.orgId, noteId);
  if (!note) throw notFound('release note', noteId);
  return releaseProduct(ctx, String(note.releaseId));
}

export async function listReleaseNotes(ctx: ServiceContext, releaseId: string) {
  await releaseProduct(ctx, releaseId);
  const rows = await ctx.store.db
    .select()
    .from(releaseNotes)
    .where(and(eq(releaseNotes.orgId, ctx.orgId), eq(releaseNotes.releaseId, releaseId)))
    .orderBy(asc(releaseNotes.createdAt));
  return { items: rows.map((r) => present(r)) };
}

export async function getReleaseNote(ctx: ServiceContext, id: string) {
  const row = await findRow(ctx.store.db, releaseNotes, ctx.orgId, id);
  if (!row) throw notFound('release note', id);
  return present(row);
}

/** Segment name and the value proposition to lead with: the product's positioning for it, else the segment's. */
async function segmentLead(tx: Db, ctx: ServiceContext, productId: string, segmentId: string) {
  const seg = await findRow(tx, segments, ctx.orgId, segmentId);
  if (!seg) {
    throw new DomainError('unknown_reference', `no segment ${segmentId} in this organization`, {
      issues: [{ path: ['segmentId'], message: 'unknown segment' }],
    });
  }
  const [pos] = await tx
    .select({ vp: productPositioning.valueProposition })
    .from(productPositioning)
    .where(
      and(
        eq(productPositioning.orgId, ctx.orgId),
        eq(productPositioning.productId, productId),
        eq(productPositioning.segmentId, segmentId),
      ),
    )
    .limit(1);
  const vp = pos?.vp?.trim() ? pos.vp : String(seg.valueProposition ?? '');
  return { name: String(seg.name), valueProposition: vp };
}

/**
 * Composes the draft note of a release (or of one segment's variant) from its shipped features. A draft
 * that exists is kept unless `replace` is sent; a published note is never recomposed.
 */
export async function draftReleaseNote(ctx: ServiceContext, releaseId: string, raw: unknown) {
  const input = parseInput(ReleaseNoteDraftRequest, raw ?? {}, 'release note draft');
  return inTransaction(ctx, async (tx) => {
    const release = await findRowForUpdate(tx, releases, ctx.orgId, releaseId);
    if (!release) throw notFound('release', releaseId);
    const productId = String(release.productId);
    const product = (await findRow(tx, products, ctx.orgId, productId))!;
    const shipped = await tx
      .select({ title: features.title, spec: features.spec })
      .from(features)
      .where(
        and(eq(features.orgId, ctx.orgId), eq(features.releaseId, releaseId), eq(features.status, 'shipped')),
      )
      .orderBy(asc(features.title), asc(features.id));
    const segment = input.segmentId ? await segmentLead(tx, ctx, productId, input.segmentId) : undefined;
    const markdown = composeReleaseNote({
      release: { name: String(release.name), plannedDate: (release.plannedDate as string | null) ?? null },
      product: { name: String(product.name) },
      features: shipped,
      segment,
    });
    const [existing] = await tx
      .select()
      .from(releaseNotes)
      .where(
        and(
          eq(releaseNotes.orgId, ctx.orgId),
          eq(releaseNotes.releaseId, releaseId),
          input.segmentId ? eq(releaseNotes.segmentId, input.segmentId) : isNull(releaseNotes.segmentId),
        ),
      )
      .for('update');
    if (existing) {
      if (existing.publishedAt) {
        throw new DomainError(
          'conflict',
          'this release note is published; edit it instead of recomposing it',
        );
      }
      if (!input.replace) {
        throw new DomainError('conflict', 'a draft exists: edit it, or send "replace": true to recompose it');
      }
      const before = present(existing);
      const after = present(await updateRow(tx, releaseNotes, ctx.orgId, String(existing.id), { markdown }));
      await writeAudit(tx, ctx, 'update', 'release-notes', String(existing.id), before, after);
      return after;
    }
    const row = await insertRow(tx, releaseNotes, {
      orgId: ctx.orgId,
      releaseId,
      segmentId: input.segmentId,
      markdown,
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'create', 'release-notes', String(row.id), null, out);
    return out;
  });
}

function checkVersion(row: Record<string, unknown>, expected: number | undefined) {
  if (expected !== undefined && row.version !== expected) {
    throw new DomainError(
      'version_mismatch',
      `the release note was changed by someone else (now version ${row.version}, you sent ${expected})`,
      { currentVersion: row.version },
    );
  }
}

/** Replaces a note's markdown (drafts and published notes alike; the changelog shows the latest text). */
export async function updateReleaseNote(
  ctx: ServiceContext,
  id: string,
  raw: unknown,
  expectedVersion?: number,
) {
  const input = parseInput(ReleaseNoteUpdate, raw, 'release note');
  return inTransaction(ctx, async (tx) => {
    const row = await findRowForUpdate(tx, releaseNotes, ctx.orgId, id);
    if (!row) throw notFound('release note', id);
    checkVersion(row, expectedVersion);
    const after = present(await updateRow(tx, releaseNotes, ctx.orgId, id, input));
    await writeAudit(tx, ctx, 'update', 'release-notes', id, present(row), after);
    return after;
  });
}

export async function deleteReleaseNote(ctx: ServiceContext, id: string, expectedVersion?: number) {
  await inTransaction(ctx, async (tx) => {
    const row = await findRowForUpdate(tx, releaseNotes, ctx.orgId, id);
    if (!row) throw notFound('release note', id);
    checkVersion(row, expectedVersion);
    await tx.delete(releaseNotes).where(and(eq(releaseNotes.orgId, ctx.orgId), eq(releaseNotes.id, id)));
    await writeAudit(tx, ctx, 'delete', 'release-notes', id, present(row), null);
  });
}

/**
 * Publishes a release: its notes get the publication time, the release becomes `released` with its actual
 * date, and `release.published` plus one `feature.shipped` per shipped feature go out — the moment the
 * features reach customers.
 */
export async function publishRelease(ctx: ServiceContext, releaseId: string, raw: unknown) {
  const input = parseInput(PublishRequest, raw ?? {}, 'publication');
  return inTransaction(ctx, async (tx) => {
    const release = await findRowForUpdate(tx, releases, ctx.orgId, releaseId);
    if (!release) throw notFound('release', releaseId);
    if (release.status === 'released') throw new DomainError('conflict', 'this release is already published');
    const notes = await tx
      .select()
      .from(releaseNotes)
      .where(and(eq(releaseNotes.orgId, ctx.orgId), eq(releaseNotes.releaseId, releaseId)))
      .for('update');
    if (!notes.some((n) => n.segmentId === null)) {
      throw new DomainError(
        'unprocessable',
        'compose the release note first (POST /api/v1/releases/:id/notes)',
      );
    }
    const now = ctx.now();
    const date = input.date ?? now.toISOString().slice(0, 10);
    for (const n of notes) {
      const after = present(await updateRow(tx, releaseNotes, ctx.orgId, n.id, { publishedAt: now }));
      await writeAudit(tx, ctx, 'publish', 'release-notes', n.id, present(n), after);
    }
    const before = present(release);
    const after = present(
      await updateRow(tx, releases, ctx.orgId, releaseId, { status: 'released', actualDate: date }),
    );
    await writeAudit(tx, ctx, 'update', 'releases', releaseId, before, after);
    const shipped = await tx
      .select({ id: features.id, title: features.title, productId: features.productId })
      .from(features)
      .where(
        and(eq(features.orgId, ctx.orgId), eq(features.releaseId, releaseId), eq(features.status, 'shipped')),
      )
      .orderBy(asc(features.title), asc(features.id));
    await emitEvents(tx, ctx, [
      {
        type: 'release.published',
        data: {
          id: releaseId,
          name: after.name,
          productId: after.productId,
          actualDate: date,
          features: shipped.map((f) => ({ id: f.id, title: f.title })),
          changelog: `/changelog/${after.productId}`,
        },
      },
      ...shipped.map((f) => ({
        type: 'feature.shipped' as const,
        data: { id: f.id, title: f.title, productId: f.productId, releaseId },
      })),
    ]);
    await notifyPortalVoters(
      tx,
      ctx,
      shipped.map((f) => ({ id: f.id, title: f.title, releaseId })),
    );
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    const product = await findRow(tx, products, ctx.orgId, String(after.productId));
    const mails = await queueReleaseAnnouncement(tx, ctx, {
      id: releaseId,
      name: String(after.name),
      productId: String(after.productId),
      productName: String(product?.name ?? ''),
      orgName: org?.name ?? '',
      notes: notes.map((n) => ({ segmentId: n.segmentId, markdown: n.markdown })),
    });
    return { release: after, notes: notes.length, mails };
  });
}
