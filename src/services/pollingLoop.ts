/** A background loop started by `startPollingLoop`; `stop()` resolves once the pass in flight has ended. */
export interface PollingLoop {
  stop(): Promise<void>;
}

export interface PollingLoopOptions {
  /** Pause after a pass that found nothing to do (ms). */
  pollMs: number;
  /** What to call an error in the log line. */
  name: string;
}

/**
 * Calls `pass` over and over: straight away again while it reports work done (so a backlog drains
 * without a pause per item), after `pollMs` when it found nothing. The job worker and the webhook
 * dispatcher both run on it, so every background consumer of the store polls, backs off and stops
 * the same way. An error in a pass is logged and the loop carries on after the pause.
 */
export function startPollingLoop(pass: () => Promise<boolean>, options: PollingLoopOptions): PollingLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await pass())) {}
      } catch (err) {
        if (!stopped) process.stderr.write(`${options.name}: ${(err as Error).message}\n`);
      }
      if (!stopped) timer = setTimeout(tick, options.pollMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
