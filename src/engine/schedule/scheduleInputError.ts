/** Bad scheduling input (unknown id, cycle, negative value): the message says what to fix. */
export class ScheduleInputError extends Error {
  override name = 'ScheduleInputError';
  readonly code = 'invalid_input';
}
