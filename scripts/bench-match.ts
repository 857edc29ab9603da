/**
 * `npm run bench:match`: how well the import deduplicates, and what it costs.
 *
 * Generates a seeded registry (default 50k persons in household CSVs) and an incoming batch (default 10k rows, 30%
 * of them registry people as another book writes them, the rest new people, some with a registry person's name
 * and birth year), imports the registry into a fresh SQLite file (setup, timed apart), imports the batch (timed:
 * wall time and peak RSS of the child), and scores the result from `hokhau export persons` and match_reviews:
 * pairwise P/R/F1 of automatic merges and of automatic + review, and the review load.
 *
 *   npm run bench:match
 *   npm run bench:match -- --registry 20000 --incoming 4000
 *   npm run bench:match -- --registry 250000,1000000 --incoming 100000     # scale: one run per registry size
 *   npm run bench:match -- --keep --work /tmp/mb --repo /path/to/other/checkout
 *   npm run bench:match -- --registry 20000 --incoming 4000 --verbose   # why each missed duplicate was missed
 *   npm run bench:match -- --registry 1000000 --incoming 100000 --registry-cache   # setup imported once, then reused
 *
 * With --registry-cache the imported registry is kept in data/cache/match-bench (git-ignored), keyed by size, seed
 * and generator sources, and copied for later runs: the setup import of a large registry is slow and is not what the
 * bench measures. The load average is printed before and after the batch: another bench on the same cores skews it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { generateMatchBench } from './match-bench/generate-match-bench.js';
import { timedImport, type TimedImport } from './match-bench/timed-import.js';
import { evaluateBatch, type BatchEvaluation } from './match-bench/evaluate-batch.js';
import { explainMisses } from './match-bench/explain-misses.js';
import { formatEvaluation, formatScale, type ScaleLine } from './match-bench/format-report.js';
import { cachedRegistryPath, restoreRegistry, saveRegistry, type SetupSummary } from './match-bench/registry-cache.js';

const sizes = (v: string): number[] => {
  const list = v.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new InvalidArgumentError('expected positive integers, comma-separated');
  return list;
};

const opts = new Command()
  .name('bench-match')
  .description('Deduplication quality and cost of hokhau import on a generated registry and batch')
  .option('--registry <n[,n…]>', 'registry persons (several: one run each, to show growth)', sizes, [50_000])
  .option('--incoming <n>', 'incoming rows', (v) => sizes(v)[0], 10_000)
  .option('--duplicates <share>', 'share of incoming rows that are registry people', Number, 0.3)
  .option('--seed <n>', 'PRNG seed', Number, 7)
  .option('--work <dir>', 'working folder (default: a new temporary folder)')
  .option('--repo <dir>', 'checkout whose bin/hokhau.js is measured', '.')
  .option('--keep', 'keep the working folder (inputs, truth.csv, registry.sqlite, run reports)')
  .option('--setup-pipeline <name>', 'pipeline that imports the registry (nightly-exact-id: about twice as fast for a 1M setup)', 'nightly')
  .option('--registry-cache [dir]', 'reuse the imported registry from this folder, building it once', false)
  .option('--verbose', 'list each missed duplicate: never compared (not blocked) or scored below review, and why')
  .parse()
  .opts<{ registry: number[]; incoming: number; duplicates: number; seed: number; work?: string; repo: string; keep?: boolean; verbose?: boolean; registryCache: string | boolean; setupPipeline: string }>();

/** Empties a folder of an earlier bench run; refuses any other non-empty folder (--work . must not wipe a checkout). */
function clearWorkFolder(dir: string): void {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return;
  if (!existsSync(join(dir, 'truth.csv'))) throw new Error(`--work ${dir} is not empty and holds no truth.csv: not a bench folder, not touching it`);
  rmSync(dir, { recursive: true, force: true });
}

const repo = resolve(opts.repo);
const scale: ScaleLine[] = [];
for (const registry of opts.registry) {
  const work = opts.work ? resolve(opts.registry.length > 1 ? join(opts.work, String(registry)) : opts.work) : mkdtempSync(join(tmpdir(), `hokhau-match-${registry}-`));
  clearWorkFolder(work);
  let t = performance.now();
  const summary = generateMatchBench({ seed: opts.seed, registry, incoming: opts.incoming, duplicateShare: opts.duplicates, outDir: work });
  console.log(`generated ${registry} registry + ${opts.incoming} incoming (${summary.duplicates} duplicates, ${summary.namesakes} namesakes) in ${((performance.now() - t) / 1000).toFixed(1)} s: ${work}`);

  const db = join(work, 'registry.sqlite');
  const cacheDir = opts.registryCache === true ? join(repo, 'data/cache/match-bench') : opts.registryCache || null;
  const cached = cacheDir ? cachedRegistryPath(resolve(cacheDir), { registry, seed: opts.seed, pipeline: opts.setupPipeline }) : null;
  let setup: SetupSummary | null = cached ? await restoreRegistry(cached, db) : null;
  if (setup) console.log(`setup: reused ${cached} (imported in ${setup.seconds.toFixed(1)} s when built)`);
  else {
    setup = await timedImport({ repo, inputs: join(work, 'registry'), db, out: join(work, 'run-setup'), pipeline: opts.setupPipeline });
    if (cached && setup.exitCode === 0) await saveRegistry(db, cached, setup);
  }
  console.log(`setup: registry import ${setup.seconds.toFixed(1)} s (${setup.report.new} new, ${setup.report.merged} merged, ${setup.report.flagged} flagged, ${setup.report.rejected} rejected)`);
  if (setup.exitCode !== 0) console.log(`setup import exited ${setup.exitCode}`);

  const loadBefore = loadavg();
  const batch = await timedImport({ repo, inputs: join(work, 'incoming'), db, out: join(work, 'run-batch') });
  const loadAfter = loadavg();
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`load average (1/5/15 min) before the batch ${fmtLoad(loadBefore)}, after ${fmtLoad(loadAfter)} (${availableParallelism()} cores)`);
  if (batch.exitCode !== 0) console.log(`batch import exited ${batch.exitCode}`);
  t = performance.now();
  const evaluation: BatchEvaluation = await evaluateBatch({ repo, db, truthFile: join(work, 'truth.csv'), runId: batch.report.run_id });
  console.log(`(scored in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  console.log(formatEvaluation({ registry, incoming: opts.incoming, batch, evaluation }));
  if (opts.verbose) {
    console.log(`missed duplicates (${evaluation.missed.length}), replayed with the run's model:`);
    for (const line of explainMisses({ db, truthFile: join(work, 'truth.csv'), runId: batch.report.run_id, missed: evaluation.missed })) console.log(`  ${line}`);
  }
  scale.push({ registry, incoming: opts.incoming, seconds: batch.seconds, maxRssMiB: batch.maxRssMiB });
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}
if (scale.length > 1) console.log(formatScale(scale));
