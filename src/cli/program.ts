import { Command } from 'commander';
import { registerOptimizeCommand } from './commands/optimize.ts';
import { registerSimulateCommand } from './commands/simulate.ts';

/** Builds the `sextant` command line; each command lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command('sextant')
    .description('Sextant — product and portfolio management')
    .showHelpAfterError()
    .exitOverride((err) => {
      process.exitCode = err.exitCode;
      throw err;
    });
  // command registrations (one line per command module)
  registerSimulateCommand(program);
  registerOptimizeCommand(program);
  return program;
}
