import { randomBytes } from 'node:crypto';

/**
 * A run id that sorts by start time and names the run's folder: `20261127-221500-3fa2`.
 *
 * @example
 * newRunId(new Date('2026-11-27T22:15:00Z')) // '20261127-221500-xxxx'
 */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
