import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunFailedError } from '../errors.js';
import { acquireRunLock, lockPathFor } from './run-lock.js';

describe('acquireRunLock', () => {
  const db = () => join(mkdtempSync(join(tmpdir(), 'hokhau-lock-')), 'registry.sqlite');

  it('lets one import hold the lock and releases it', () => {
    const file = db();
    const release = acquireRunLock(file);
    expect(() => acquireRunLock(file)).toThrow(RunFailedError);
    release();
    expect(existsSync(lockPathFor(file))).toBe(false);
    acquireRunLock(file)();
  });

  it('takes over a lock left by a process that died', () => {
    const file = db();
    writeFileSync(lockPathFor(file), '999999999');
    const release = acquireRunLock(file);
    release();
  });
});
