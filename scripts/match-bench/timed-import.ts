/**
 * Runs `hokhau import` of a checkout in a child process, as cron would, and measures it from outside: wall time,
 * and peak RSS from GNU time (`/usr/bin/time -v`) when the machine has it.
 *
 * @example
 * const run = await timedImport({ repo: '.', inputs: '/tmp/mb/incoming', db: '/tmp/mb/registry.sqlite', out: '/tmp/mb/run-batch' });
 * run.report.merged; run.seconds; run.maxRssMiB;
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reconciliation } from '../../src/report/reconciliation.js';

/** The pipeline a batch is measured with. */
export const BATCH_PIPELINE = 'nightly';

/** The counts of reconciliation.json the bench reads. */
export type RunReport = Pick<Reconciliation, 'run_id' | 'status' | 'records_in' | 'new' | 'merged' | 'flagged' | 'rejected' | 'issues_by_code'>;

export interface TimedImport {
  seconds: number;
  /** Null when GNU time is not installed. */
  maxRssMiB: number | null;
  exitCode: number;
  report: RunReport;
}

const GNU_TIME = '/usr/bin/time';

export async function timedImport(o: { repo: string; inputs: string; db: string; out: string; pipeline?: string }): Promise<TimedImport> {
  const cli = [join(o.repo, 'bin/hokhau.js'), 'import', o.inputs, '--db', o.db, '--out', o.out, '--pipeline', o.pipeline ?? BATCH_PIPELINE];
  const withTime = existsSync(GNU_TIME);
  const [cmd, args] = withTime ? [GNU_TIME, ['-v', process.execPath, ...cli]] : [process.execPath, cli];
  const started = performance.now();
  let stderr = '';
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: o.repo, stdio: ['ignore', 'ignore', 'pipe'] });
    // Keep only the tail: the JSON log of a 1M import is long, GNU time's report comes last.
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const reportFile = join(o.out, 'reconciliation.json');
  if (!existsSync(reportFile)) throw new Error(`import wrote no reconciliation.json (exit ${exitCode}):\n${stderr.slice(-3000)}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport;
  return { seconds, maxRssMiB: rss ? Number(rss[1]) / 1024 : null, exitCode, report };
}
