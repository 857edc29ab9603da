import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { RunFailedError } from '../errors.js';

/** The lock file beside the registry: one import at a time writes to it. */
export function lockPathFor(dbFile: string): string {
  return `${dbFile}.import.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the registry's import lock (a file holding our pid), so a nightly job that overruns into the next one, or a
 * second terminal, cannot load the same files twice. A lock left by a process that no longer exists is taken over.
 * Returns the release function.
 *
 * @example
 * const release = acquireRunLock('data/registry.sqlite');
 * try { … } finally { release(); }
 */
export function acquireRunLock(dbFile: string): () => void {
  const path = lockPathFor(dbFile);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new RunFailedError(
          `Một lần nhập khác đang chạy trên cơ sở dữ liệu này (tiến trình ${holder}); hãy đợi nó xong (another import is running: pid ${holder}, lock ${path})`,
        );
      }
      unlinkSync(path); // left by a process that died: take it over
    }
  }
  throw new RunFailedError(`Không lấy được khoá ${path} (could not take the import lock)`);
}
