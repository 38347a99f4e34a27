import { and, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import { FormulaError } from '../../engine/scoring/formula.ts';
import {
  BUILTIN_FORMULA_FIELDS,
  compileFormula,
  type FieldValue,
  type FormulaScore,
  featureFormulaFields,
  scoreByFormula,
} from '../../engine/scoring/formulaScores.ts';
import type { Kano, Moscow } from '../../engine/scoring/frameworks.ts';
import { customFields, features } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { inTransaction } from '../transaction.ts';
import { CLOSED_STATUSES } from './rankingInput.ts';
import { loadRankingSettings, patchOrgSettings, type StoredFormula } from './rankingSettings.ts';
import { resolveProduct } from './resolveProduct.ts';

const Formula = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case, starting with a letter')
    .max(60),
  name: z.string().trim().min(1).max(200),
  expression: z.string().trim().min(1).max(2000),
  inputs: z
    .record(
      z.string().max(60),
      z.strictObject({ normalize: z.enum(['minmax', 'none']).optional(), weight: z.number().optional() }),
    )
    .optional(),
});

export const FormulasInput = z.strictObject({ formulas: z.array(Formula).max(50) });

/** The fields a formula may read: the built-ins and the organization's feature custom fields. */
async function knownFields(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.store.db
    .select({ key: customFields.key })
    .from(customFields)
    .where(and(eq(customFields.orgId, ctx.orgId), eq(customFields.entity, 'feature')));
  return [...BUILTIN_FORMULA_FIELDS, ...rows.map((r) => r.key)];
}

/** The organization's score formulas and the fields they may use. */
export async function listFormulas(ctx: ServiceContext) {
  const [settings, fields] = await Promise.all([loadRankingSettings(ctx), knownFields(ctx)]);
  return { formulas: settings.formulas, fields };
}

/**
 * Replaces the organization's score formulas. Each is compiled first (syntax, known fields, finite
 * weights); a bad one is refused naming the formula and the problem. Stored in the organization's settings.
 */
export async function saveFormulas(ctx: ServiceContext, raw: unknown) {
  const input = parseInput(FormulasInput, raw, 'formulas');
  const fields = await knownFields(ctx);
  const seen = new Set<string>();
  input.formulas.forEach((f, i) => {
    if (seen.has(f.key)) {
      throw new DomainError('invalid_input', `formulas.${i}.key: "${f.key}" appears twice`, {
        issues: [{ path: ['formulas', String(i), 'key'], message: 'duplicate key' }],
      });
    }
    seen.add(f.key);
    try {
      compileFormula(f, fields);
    } catch (err) {
      if (err instanceof FormulaError || err instanceof RangeError) {
        const message = `formula "${f.name}": ${err.message}`;
        throw new DomainError('invalid_input', message, {
          issues: [{ path: ['formulas', String(i), 'expression'], message }],
        });
      }
      throw err;
    }
  });
  const formulas: StoredFormula[] = input.formulas;
  return inTransaction(ctx, async (tx) => {
    const { before } = await patchOrgSettings(tx, ctx, { formulas });
    await writeAudit(
      tx,
      ctx,
      'update',
      'organizations',
      ctx.orgId,
      { formulas: before.formulas ?? [] },
      { formulas },
    );
    return { formulas, fields };
  });
}

export const FormulaScoresQuery = z.strictObject({
  formula: z.string().min(1).max(60),
  productId: z.string().min(1).max(200).optional(),
});

/**
 * Scores the open features (one product's, or all) with an organization formula, best first (features the
 * formula cannot score — e.g. a division by zero — last, with the reason), each with its inputs.
 */
export async function formulaScores(
  ctx: ServiceContext,
  query: unknown,
): Promise<{
  formula: StoredFormula;
  productId: string | null;
  items: (FormulaScore & { title: string })[];
}> {
  const q = parseInput(FormulaScoresQuery, query, 'query');
  const [settings, fields] = await Promise.all([loadRankingSettings(ctx), knownFields(ctx)]);
  const formula = settings.formulas.find((f) => f.key === q.formula);
  if (!formula) throw notFound('formula', q.formula);
  const productId = q.productId ? await resolveProduct(ctx, q.productId) : null;
  const rows = await ctx.store.db
    .select({
      id: features.id,
      title: features.title,
      reach: features.reach,
      impact: features.impact,
      confidence: features.confidence,
      effort: features.effort,
      businessValue: features.businessValue,
      timeCriticality: features.timeCriticality,
      riskReduction: features.riskReduction,
      moscow: features.moscow,
      kano: features.kano,
      custom: features.custom,
    })
    .from(features)
    .where(
      and(
        eq(features.orgId, ctx.orgId),
        notInArray(features.status, [...CLOSED_STATUSES]),
        productId ? eq(features.productId, productId) : undefined,
      ),
    )
    .orderBy(features.id);
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  let scores: FormulaScore[];
  try {
    scores = scoreByFormula(
      formula,
      rows.map((r) => ({
        id: r.id,
        fields: featureFormulaFields({
          ...r,
          moscow: r.moscow as Moscow | null,
          kano: r.kano as Kano | null,
          custom: r.custom as Record<string, FieldValue>,
        }),
      })),
      fields,
    );
  } catch (err) {
    // A custom field deleted since the formula was saved.
    if (err instanceof RangeError || err instanceof FormulaError) {
      throw new DomainError('unprocessable', `formula "${formula.name}": ${err.message}`);
    }
    throw err;
  }
  const items = scores
    .map((s) => ({ ...s, title: titles.get(s.featureId) ?? '' }))
    .sort((a, b) => Number(a.score === null) - Number(b.score === null) || (b.score ?? 0) - (a.score ?? 0));
  return { formula, productId, items };
}
