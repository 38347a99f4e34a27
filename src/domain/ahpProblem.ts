import { z } from 'zod';

/** A judgment: a positive number, or a fraction written as text ("1/3") since JSON has no exact thirds. */
export const ahpJudgmentSchema = z.union([
  z.number().finite().positive('judgments must be positive (Saaty scale 1/9 … 9)'),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/, 'a text judgment must be a fraction like "1/3"')
    .transform((s) => {
      const [a, b] = s.split('/').map(Number);
      return a / b;
    })
    .refine((x) => Number.isFinite(x) && x > 0, 'judgments must be positive (Saaty scale 1/9 … 9)'),
]);

/**
 * The plain-file AHP problem of `sextant ahp matrix.json`: item names and the square pairwise comparison
 * matrix, where matrix[i][j] says how many times item i is more important than item j.
 */
export const ahpProblemSchema = z
  .object({
    items: z
      .array(z.string().trim().min(1, 'item names must not be empty').max(200))
      .min(1, 'at least one item')
      .max(15, 'at most 15 items (the random index table ends there)'),
    matrix: z.array(z.array(ahpJudgmentSchema)),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((name, k) => {
      if (seen.has(name))
        ctx.addIssue({ code: 'custom', path: ['items', k], message: `"${name}" appears twice` });
      seen.add(name);
    });
    const n = p.items.length;
    if (p.matrix.length !== n) {
      ctx.addIssue({
        code: 'custom',
        path: ['matrix'],
        message: `expected ${n} rows (one per item), got ${p.matrix.length}`,
      });
      return;
    }
    p.matrix.forEach((row, i) => {
      if (row.length !== n) {
        ctx.addIssue({
          code: 'custom',
          path: ['matrix', i],
          message: `expected ${n} entries, got ${row.length}`,
        });
      }
    });
  });

export type AhpProblem = z.infer<typeof ahpProblemSchema>;
