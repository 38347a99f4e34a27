import { z } from 'zod';
import { Name, updateOf } from '../primitives.ts';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from './enums.ts';

export const CustomFieldCreate = z.strictObject({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower_snake_case, at most 40 characters'),
  label: Name,
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});
export const CustomFieldUpdate = updateOf(CustomFieldCreate.pick({ label: true, options: true }));
