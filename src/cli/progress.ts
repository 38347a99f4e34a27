import cliProgress from 'cli-progress';

/** A progress bar on stderr for long work; silent when stderr is not a terminal or output is JSON. */
export function progressBar(label: string, enabled = true) {
  const active = enabled && process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {detail}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, detail = '') {
      if (!active) return;
      if (!started) {
        bar.start(total, 0, { detail });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { detail });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
