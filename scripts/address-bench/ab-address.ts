/**
 * A/B of address coding on new addresses, for a noisy shared machine where two separate runs cannot be
 * compared: `taskset -c 0 node --expose-gc --import tsx scripts/address-bench/ab-address.ts /tmp/old [rounds]`,
 * where /tmp/old holds a copy of an earlier `src/` (e.g. `mkdir -p /tmp/old && cp -r src/normalize src/ingest /tmp/old/src/`).
 * Both trees are loaded in one process and take turns in small chunks of each round (fresh index per round and
 * side, full collection before each round, CPU time of this process), so both see the same disturbances. It first checks that both
 * trees code every address the same (a speed-up must not change an answer), then prints each side's best and
 * median rounds and the ratio of the medians. Caveat: the two sides share the CPU caches, so a change that
 * touches less memory gains more here than in a run of its own; confirm with rate-address.ts runs of each
 * tree, alternated.
 */
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { GazetteerData } from '../../src/normalize/address/gazetteer-data.js';
import type { AddressInput, AddressCoding } from '../../src/normalize/address/code-address.js';
import { generateAddresses } from './generate-addresses.js';

interface Side {
  name: string;
  build: (data: GazetteerData) => object;
  code: (input: AddressInput, index: object, context: { defaultProvinceCode: string }) => AddressCoding;
}

const here = dirname(fileURLToPath(import.meta.url));
const oldRoot = process.argv[2];
if (!oldRoot) throw new Error('usage: ab-address.ts <old tree root holding src/> [rounds]');
const rounds = Number(process.argv[3] ?? 20);
const data = JSON.parse(readFileSync(join(here, '../../data/gazetteer/vn-2025.json'), 'utf8')) as GazetteerData;

async function load(name: string, root: string): Promise<Side> {
  const at = (p: string) => pathToFileURL(join(resolve(root), p)).href;
  const { buildGazetteerIndex } = await import(at('src/normalize/address/gazetteer-index.ts'));
  const { codeAddress } = await import(at('src/normalize/address/code-address.ts'));
  return { name, build: buildGazetteerIndex, code: codeAddress };
}

const sides = [await load('old', oldRoot), await load('new', join(here, '../..'))];
const cases = generateAddresses(data, 3000, 20250701);
const seen = new Set<string>();
const distinct = cases.filter((c) => {
  const k = JSON.stringify([c.defaultProvinceCode, c.input]);
  return !seen.has(k) && seen.add(k) !== undefined;
});

// Same answers, field by field, on the bench's addresses and on the warm-up ones (another seed).
const warmCases = generateAddresses(data, 12000, 20250702);
const indexes = sides.map((s) => s.build(data));
let differ = 0;
for (const c of [...cases, ...warmCases]) {
  const [a, b] = sides.map((s, i) => s.code(c.input, indexes[i], { defaultProvinceCode: c.defaultProvinceCode }));
  if (!isDeepStrictEqual(a, b) && differ++ < 5) console.log(`differs: ${JSON.stringify(c.input)}\n  old ${JSON.stringify(a)}\n  new ${JSON.stringify(b)}`);
}
console.log(`answers compared on ${cases.length + warmCases.length} addresses: ${differ} differ`);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
// Each round: a fresh index per side, then the addresses in chunks of CHUNK, each chunk coded by one side then
// the other (order alternating), timed by this process's CPU time. Load from other jobs comes and goes within
// a round; at this grain both sides see the same load, which separate runs (or whole rounds) do not.
const CHUNK = 50;
const cpuSeconds: number[][] = sides.map(() => []);
for (let r = 0; r < rounds; r++) {
  const fresh = sides.map((s) => s.build(data));
  gc();
  const used = sides.map(() => 0);
  for (let from = 0, turn = r; from < distinct.length; from += CHUNK, turn++) {
    const chunk = distinct.slice(from, from + CHUNK);
    for (const k of turn % 2 === 0 ? [0, 1] : [1, 0]) {
      const cpu = process.cpuUsage();
      for (const c of chunk) sides[k].code(c.input, fresh[k], { defaultProvinceCode: c.defaultProvinceCode });
      const d = process.cpuUsage(cpu);
      used[k] += d.user + d.system;
    }
  }
  for (const k of used.keys()) cpuSeconds[k].push(used[k] / 1e6);
}
const rates = cpuSeconds.map((xs) => xs.map((t) => Math.round(distinct.length / t)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const best = (xs: number[]) => Math.max(...xs);
for (const [k, side] of sides.entries()) console.log(`${side.name}: best ${best(rates[k])}/s, median ${median(rates[k])}/s (${rates[k].join(' ')})`);
console.log(`new/old: median ×${(median(rates[1]) / median(rates[0])).toFixed(2)}, best ×${(best(rates[1]) / best(rates[0])).toFixed(2)}`);
// Per-round ratios (each pair ran back to back) are the least disturbed by load that comes and goes.
const pairs = rates[0].map((o, r) => rates[1][r] / o);
console.log(`per-round new/old: median ×${median(pairs).toFixed(2)}`);
