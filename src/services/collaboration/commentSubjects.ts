import type { PgTable } from 'drizzle-orm/pg-core';
import type { CommentSubject } from '../../domain/entities/comment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findRow } from '../../store/entityRepository.ts';
import { decisions, features, initiatives, products, releases, segments } from '../../store/schema.ts';

const TABLES: Record<CommentSubject, PgTable> = {
  feature: features,
  initiative: initiatives,
  product: products,
  segment: segments,
  release: releases,
  decision: decisions,
};

/**
 * The title of the commented subject, checking it exists in the organization: a comment on another
 * organization's row is refused as an unknown reference (the same as any other id in a body).
 */
export async function subjectTitle(db: Db, orgId: string, type: CommentSubject, id: string): Promise<string> {
  const row = await findRow(db, TABLES[type], orgId, id);
  if (!row) {
    throw new DomainError('unknown_reference', `no ${type} ${id} in this organization`, {
      issues: [{ path: ['subjectId'], message: `no such ${type}` }],
    });
  }
  return String(row.name ?? row.title ?? id);
}
