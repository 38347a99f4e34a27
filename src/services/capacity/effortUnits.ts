/**
 * Unit conversions between the stored figures and the engine's FTE per quarter. Periods are calendar
 * quarters of 13 weeks, so one person-week of effort is 1/13 of an FTE-quarter (one person working
 * full time for a quarter delivers 13 person-weeks).
 */
export const WEEKS_PER_QUARTER = 13;

/** Person-weeks → FTE-quarters. */
export function fteQuarters(personWeeks: number): number {
  return personWeeks / WEEKS_PER_QUARTER;
}

/** Capacity of one person in a quarter: FTE less the FTE lost to time off that quarter, never below 0. */
export function personCapacity(
  person: { fte: number; timeOff: Record<string, number> },
  period: string,
): number {
  return Math.max(0, person.fte - (person.timeOff[period] ?? 0));
}
