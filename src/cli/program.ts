import { Command } from 'commander';
import { registerAhpCommand } from './commands/ahp.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerDigestCommand } from './commands/digest.ts';
import { registerExportImportCommands } from './commands/exportImport.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOptimizeCommand } from './commands/optimize.ts';
import { registerRankCommand } from './commands/rank.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSimulateCommand } from './commands/simulate.ts';
import { registerUserCommands } from './commands/users.ts';

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
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerExportImportCommands(program);
  registerBackupCommands(program);
  registerUserCommands(program);
  registerSimulateCommand(program);
  registerOptimizeCommand(program);
  registerScheduleCommand(program);
  registerAhpCommand(program);
  registerRankCommand(program);
  registerDigestCommand(program);
  return program;
}
