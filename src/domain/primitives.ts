import { z } from 'zod';

/** Shared field schemas: the limits here are the API's limits, so every entity enforces the same ones. */
export const LIMITS = {
  name: 200,
  text: 20_000,
  markdown: 200_000,
  listItems: 500,
} as const;

export const Id = z.uuid({ error: 'must be a UUID' });
export const Name = z.string().trim().min(1, 'must not be empty').max(LIMITS.name);
export const Text = z.string().max(LIMITS.text);
export const Markdown = z.string().max(LIMITS.markdown);
export const NonNegative = z.number().min(0).max(1e15);
export const Fraction = z.number().min(0).max(1);
export const Money = z.number().min(-1e15).max(1e15);
/** A planning period: a calendar quarter such as 2027Q1. */
export const Period = z.string().regex(/^\d{4}Q[1-4]$/, 'must be a quarter like 2027Q1');
export const IsoDate = z.iso.date();
export const PerPeriod = z.array(Money).max(120);
export const Importance = z.number().int().min(0).max(3);
/** Values of an organization's custom fields, keyed by the field's key. */
export const CustomValues = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'custom field keys are lower_snake_case'),
    z.union([
      z.number(),
      z.string().max(LIMITS.text),
      z.array(z.string().max(LIMITS.name)).max(100),
      z.null(),
    ]),
  )
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 custom fields');

/** The schema without its `.default()`, so a missing field stays missing. */
function withoutDefault(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault ? withoutDefault(field.unwrap() as z.ZodType) : field;
}

/**
 * Turns a create schema into its update schema: every field optional, nothing else allowed — and no
 * defaults, so a PATCH that omits a field leaves it as stored instead of resetting it.
 */
export function updateOf<T extends z.ZodRawShape>(
  schema: z.ZodObject<T>,
): z.ZodObject<{ [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape))
    shape[key] = withoutDefault(field as z.ZodType).optional();
  return z.strictObject(shape) as never;
}
