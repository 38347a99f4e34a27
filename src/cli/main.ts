import { buildProgram } from './program.ts';

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { exitCode?: number; message?: string; name?: string; code?: string };
  if (e.name === 'CliError') {
    // Expected failures: one clear line, never a stack trace.
    process.stderr.write(`sextant: ${e.message}\n`);
    process.exitCode = e.exitCode ?? 1;
  } else if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander already printed its message (or the help text).
    process.exitCode = e.exitCode ?? 1;
  } else {
    throw err;
  }
}
