import { z } from 'zod';
import { ROLES } from './enums.ts';

/** What a gate can require of an initiative (each checked against the stored initiative). */
export const GATE_FIELDS = [
  'businessCase',
  'costEstimate',
  'benefitEstimate',
  'risks',
  'probability',
  'demand',
] as const;
export type GateField = (typeof GATE_FIELDS)[number];

/** One stage gate: a checkpoint with the evidence it requires and the roles that may decide at it. */
export const GateDefinition = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'gate keys are lower_snake_case'),
  name: z.string().trim().min(1).max(100),
  requiredFields: z.array(z.enum(GATE_FIELDS)).max(GATE_FIELDS.length).default([]),
  approverRoles: z.array(z.enum(ROLES)).min(1, 'someone must be able to approve').max(ROLES.length),
});
export type GateDefinition = z.infer<typeof GateDefinition>;

/** The organization's gates, in the order an initiative passes them. */
export const GateConfigUpdate = z.strictObject({
  gates: z
    .array(GateDefinition)
    .min(1)
    .max(20)
    .refine((g) => new Set(g.map((x) => x.key)).size === g.length, 'gate keys must be unique'),
});

/** Approve, reject or send back: always with a comment saying why. */
export const GateDecision = z.strictObject({
  comment: z.string().trim().min(1, 'say why').max(5000),
});

export type GateOutcome = 'approve' | 'reject' | 'send_back';
