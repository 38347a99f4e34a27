import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress, OnProgress } from '../../api/optimizerJobs.ts';

export interface LongCall<T> {
  running: boolean;
  progress: JobProgress | null;
  /** Whole seconds since the call started (ticks while it runs). */
  elapsed: number;
  result: T | null;
  error: unknown;
  start: (call: (onProgress: OnProgress, signal: AbortSignal) => Promise<T>) => void;
  cancel: () => void;
  reset: () => void;
}

/**
 * State of one long server call (an optimizer run, a frontier): its progress, the seconds elapsed, the
 * result or error. Starting again or leaving the page aborts the call in flight.
 */
export function useLongCall<T>(): LongCall<T> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [running]);

  const start = useCallback((call: (onProgress: OnProgress, signal: AbortSignal) => Promise<T>) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setRunning(true);
    setError(null);
    setResult(null);
    setProgress({ status: 'queued', message: 'Starting' });
    call((p) => !ac.signal.aborted && setProgress(p), ac.signal)
      .then((r) => {
        if (!ac.signal.aborted) setResult(r);
      })
      .catch((err: unknown) => {
        if (!ac.signal.aborted) setError(err);
      })
      .finally(() => {
        if (controller.current === ac) setRunning(false);
      });
  }, []);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setRunning(false);
    setProgress({ status: 'failed', message: 'Cancelled' });
  }, []);
  const reset = useCallback(() => {
    setResult(null);
    setError(null);
    setProgress(null);
  }, []);
  return { running, progress, elapsed, result, error, start, cancel, reset };
}
