import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hokhau <args>` as a user would (bin/hokhau.js from the checkout) and returns its exit code and output,
 * whatever the code.
 *
 * @example
 * const { code, stdout } = await hokhau('review', 'apply', csv, '--reviewer', 'Lò Thị Mai', '--db', db);
 */
export async function hokhau(...args: string[]): Promise<Cli> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/hokhau.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
