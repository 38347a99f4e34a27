import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Action } from '../../domain/policy.ts';

/** An id-valued field of an input that must name a row of `table` in the same organization. */
export interface Reference {
  field: string;
  table: PgTable;
  /** What the id names, for error messages ("segment"). */
  label: string;
  ids: (input: Record<string, unknown>) => string[];
}

/** How to find the product(s) a row belongs to, for product managers' ownership. */
export type ProductOwnership =
  | { kind: 'self' }
  | { kind: 'column'; column: string }
  | { kind: 'via'; column: string; table: PgTable; productColumn: string };

/**
 * Everything the generic service and the generic routes need to know about one entity.
 * Adding an entity = one definition here (plus its table and schemas): routes, validation,
 * tenant scoping, authorization, audit, OpenAPI and the fuzz tests follow.
 */
export interface EntityDefinition {
  /** URL segment and audit entity name, plural kebab-case: 'feedback-links'. */
  name: string;
  /** Singular, for messages: 'feedback link'. */
  label: string;
  table: PgTable;
  create: z.ZodType<Record<string, unknown>>;
  /** null: rows are immutable once written (the decision log). */
  update: z.ZodType<Record<string, unknown>> | null;
  deletable: boolean;
  references: Reference[];
  /** Columns filterable by equality in the list API (?productId=…). */
  filters: readonly string[];
  /** Columns the list API sorts by (non-null columns only, so cursors stay simple). */
  sorts: readonly string[];
  defaultSort: string;
  searchable: boolean;
  /** Which custom-field entity's values live in the `custom` column. */
  customFields?: 'feature' | 'initiative' | 'product';
  /** The policy action for create/update/delete; a function when it depends on the row. */
  action: {
    create: Action | ((record: Record<string, unknown>) => Action);
    update: Action | ((record: Record<string, unknown>) => Action);
    delete: Action | ((record: Record<string, unknown>) => Action);
  };
  ownership?: ProductOwnership;
}
