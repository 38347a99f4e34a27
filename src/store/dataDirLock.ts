import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite admits one process per data dir; a second one would corrupt it. This lock file records
 * who holds the store so another command can refuse clearly instead.
 */
export interface DataDirLock {
  release(): void;
}

interface LockInfo {
  pid: number;
  command: string;
  url?: string;
  since: string;
}

/** Thrown when another live process holds the data dir. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `the data dir ${dataDir} is in use by process ${holder.pid} (${holder.command}${
        holder.url ? ` at ${holder.url}` : ''
      }) since ${holder.since}. Stop that process first, or use its HTTP API; ` +
        'the embedded store admits one process at a time.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir`, replacing a stale lock left by a dead process. */
export function acquireDataDirLock(dataDir: string, owner: { command: string; url?: string }): DataDirLock {
  const path = join(dataDir, 'sextant.lock');
  const info: LockInfo = {
    pid: process.pid,
    command: owner.command,
    url: owner.url,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DataDirLockedError(dataDir, holder);
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
