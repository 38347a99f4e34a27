import os from 'node:os';
import { Piscina } from 'piscina';

/**
 * One pool of worker threads for all CPU-heavy engine work (optimizer, scheduler, simulation, ranking),
 * so a long computation never blocks HTTP requests. Each task names its worker module; the module's
 * default export receives the input and returns a structured-cloneable result.
 */
let pool: Piscina | undefined;

// Sources run through tsx, so workers need the same loader; resolved to an absolute URL so the
// pool works whatever the current directory is.
const loaderUrl = import.meta.resolve('tsx');

function getPool(): Piscina {
  if (!pool) {
    pool = new Piscina({
      maxThreads: Math.max(2, Math.min(4, os.availableParallelism())),
      idleTimeout: 30_000,
      execArgv: ['--import', loaderUrl],
    });
  }
  return pool;
}

/** Runs `input` through the default export of the worker module at `workerUrl` on a worker thread. */
export async function runInWorker<I, O>(workerUrl: URL, input: I, signal?: AbortSignal): Promise<O> {
  return getPool().run(input, { filename: workerUrl.href, signal }) as Promise<O>;
}

/** Stops the worker threads (at shutdown, and at the end of CLI commands so the process can exit). */
export async function closeWorkerPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
