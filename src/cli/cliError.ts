/** An expected CLI failure: printed as one clear line, exits with `exitCode` (never a stack trace). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
