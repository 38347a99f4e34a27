import { z } from 'zod';
import { Id, Money, Name, Period, updateOf } from '../primitives.ts';
import { KPI_DIRECTIONS, KPI_KINDS } from './enums.ts';

export const KpiCreate = z.strictObject({
  productId: Id.nullable().default(null),
  name: Name,
  kind: z.enum(KPI_KINDS),
  unit: z.string().max(40).default(''),
  direction: z.enum(KPI_DIRECTIONS).default('higher_is_better'),
  target: Money.nullable().default(null),
});
export const KpiUpdate = updateOf(KpiCreate.omit({ productId: true }));

export const KpiMeasurementCreate = z.strictObject({ kpiId: Id, period: Period, value: Money });
export const KpiMeasurementUpdate = updateOf(KpiMeasurementCreate.pick({ value: true }));
