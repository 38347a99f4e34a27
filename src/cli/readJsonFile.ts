import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { CliError } from './cliError.ts';

/** Reads and validates a JSON problem file, turning every failure into a CliError that says how to fix it. */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 2);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${path} is not valid JSON: ${(err as Error).message}`, 2);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  at ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new CliError(`${path} does not match the expected format:\n${lines.join('\n')}`, 2);
  }
  return parsed.data;
}
