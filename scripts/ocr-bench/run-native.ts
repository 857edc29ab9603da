/**
 * The native baseline: Debian's tesseract CLI reading the same page files whole (`tesseract <page> stdout -l vie`),
 * single-threaded (OMP_THREAD_LIMIT=1) with one process per core, as fast as a plain parallel runner goes.
 * No preprocessing, no layout: the bar hokhau's end-to-end throughput is measured against.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The tesseract version, installing Debian's tesseract-ocr and tesseract-ocr-vie first when the CLI or its
 * Vietnamese model is missing. Throws with the reason when it cannot be had.
 *
 * @example
 * await ensureNativeTesseract(console.error); // 'tesseract 5.3.0'
 */
export async function ensureNativeTesseract(log: (message: string) => void): Promise<string> {
  if (!(await hasVietnamese())) {
    log('tesseract or its Vietnamese model is missing: apt-get install -y tesseract-ocr tesseract-ocr-vie');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
    const [cmd, ...args] = [...sudo, 'apt-get', 'install', '-y', 'tesseract-ocr', 'tesseract-ocr-vie'];
    await run(cmd, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
    if (!(await hasVietnamese())) throw new Error('tesseract-ocr-vie installed but `tesseract --list-langs` has no vie');
  }
  const { stdout, stderr } = await run('tesseract', ['--version']);
  return `${stdout}${stderr}`.split('\n')[0].trim();
}

async function hasVietnamese(): Promise<boolean> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs']);
    return `${stdout}\n${stderr}`.split('\n').some((l) => l.trim() === 'vie');
  } catch {
    return false;
  }
}

export interface NativeRun {
  seconds: number;
  /** CPU time of the tesseract processes (Linux: the waited-for children's times in /proc/self/stat), else null. */
  cpuMs: number | null;
  processes: number;
  failures: number;
  /** Characters printed, a check that every page was really read. */
  chars: number;
}

/**
 * Reads every file with the CLI, `processes` at a time, timed from the first start to the last exit.
 *
 * @example
 * const { seconds } = await runNative(['/tmp/b/clean/so-1/trang-01.png']);
 */
export async function runNative(paths: readonly string[], processes = availableParallelism()): Promise<NativeRun> {
  let next = 0;
  let failures = 0;
  let chars = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = childrenCpuMs();
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++];
      const result = await readOne(path);
      if (result === null) failures++;
      else chars += result.length;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, processes) }, lane));
  const cpuAfter = childrenCpuMs();
  const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuMs, processes, failures, chars };
}

/** User + system CPU of this process's finished children, ms (fields 16 and 17 of /proc/self/stat, in ticks). */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: field 3 is the first.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[16 - 3]) + Number(fields[17 - 3]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

/** USER_HZ: the unit of /proc's CPU times, 100 on every Linux that Debian ships. */
const CLOCK_TICKS = 100;

function readOne(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('tesseract', [path, 'stdout', '-l', 'vie'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(out).toString('utf8') : null));
  });
}
