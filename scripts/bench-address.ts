/**
 * Address coding benchmark: `npm run bench:address [count] [seed]`.
 * Prints the share of generated addresses given the right current commune code, the share sent to review,
 * the codes assigned wrongly without review, and addresses per second on one core (Node is single-threaded).
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildGazetteerIndex } from '../src/normalize/address/gazetteer-index.js';
import { codeAddress, type AddressCoding } from '../src/normalize/address/code-address.js';
import type { GazetteerData } from '../src/normalize/address/gazetteer-data.js';
import { generateAddresses, type BenchAddress } from './address-bench/generate-addresses.js';

const here = dirname(fileURLToPath(import.meta.url));
const count = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 20250701);
const data = JSON.parse(readFileSync(join(here, '../data/gazetteer/vn-2025.json'), 'utf8')) as GazetteerData;
const t0 = performance.now();
const index = buildGazetteerIndex(data);
const indexMs = performance.now() - t0;
const cases = generateAddresses(data, count, seed);

const tStart = performance.now();
const results = cases.map((c) => codeAddress(c.input, index, { defaultProvinceCode: c.defaultProvinceCode }));
const coldMs = performance.now() - tStart;

/** Right: the correct current code, or review where the address cannot decide it. Wrong: a code without review that is not the truth. */
function judge(c: BenchAddress, r: AddressCoding): 'right' | 'review' | 'wrong' {
  if (r.status === 'coded') {
    return r.current?.communeCode === c.truthCurrent ? 'right' : 'wrong';
  }
  return c.truthCurrent === null || !c.decidable ? 'right' : 'review';
}
let right = 0, review = 0, wrong = 0, sentToReview = 0;
const byVariety = new Map<string, { n: number; right: number }>();
const failures: string[] = [];
cases.forEach((c, i) => {
  const r = results[i];
  const v = judge(c, r);
  if (r.status !== 'coded') sentToReview++;
  if (v === 'right') right++;
  else if (v === 'review') review++;
  else wrong++;
  const key = c.variety.split('+')[0];
  const s = byVariety.get(key) ?? { n: 0, right: 0 };
  s.n++;
  if (v === 'right') s.right++;
  byVariety.set(key, s);
  if (v !== 'right' && failures.length < 25) failures.push(`${v.padEnd(6)} ${c.variety.padEnd(24)} ${JSON.stringify(c.input)} truth=${c.truthCurrent} got=${r.status}:${r.current?.communeCode ?? '-'} [${r.candidates.map((x) => x.label).join(' | ')}]`);
});

// Throughput on new addresses once the JIT is warm. Warm-up: other addresses (another seed) on a scratch index.
// Then ROUNDS rounds, each coding every distinct address once against a fresh index (a new index has empty
// memos: no result, parse, reading or typo-search answer is reused from an earlier round); the median is
// reported since the machine is shared. A full collection before each round keeps the previous round's index
// out of the timing. Then the same addresses again on the last index (a book repeats its address on every
// member's row).
const ROUNDS = 7;
const collect = gcOrNothing();
const warm = buildGazetteerIndex(data);
for (const c of generateAddresses(data, 12000, seed + 1)) codeAddress(c.input, warm, { defaultProvinceCode: c.defaultProvinceCode });
const seen = new Set<string>();
const distinct = cases.filter((c) => {
  const k = JSON.stringify([c.defaultProvinceCode, c.input]);
  return !seen.has(k) && seen.add(k) !== undefined;
});
let fresh = warm;
const roundRates: number[] = [];
const cpuRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  fresh = buildGazetteerIndex(data);
  collect();
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const c of distinct) codeAddress(c.input, fresh, { defaultProvinceCode: c.defaultProvinceCode });
  const used = process.cpuUsage(cpu);
  roundRates.push(Math.round(distinct.length / ((performance.now() - t) / 1000)));
  // CPU time of this process only: what one core does when other jobs share it.
  cpuRates.push(Math.round(distinct.length / ((used.user + used.system) / 1e6)));
}
const t2 = performance.now();
for (const c of cases) codeAddress(c.input, fresh, { defaultProvinceCode: c.defaultProvinceCode });
const repeatMs = performance.now() - t2;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const pct = (x: number) => `${((100 * x) / cases.length).toFixed(2)}%`;
console.log(`addresses: ${cases.length} (seed ${seed}); gazetteer ${data.version}; index built in ${indexMs.toFixed(0)} ms`);
console.log(`correct current commune (or review where undecidable/split): ${pct(right)} (${right})`);
console.log(`sent to review: ${pct(sentToReview)} (${sentToReview}); of which decidable (missed): ${review}`);
console.log(`wrong codes assigned without review: ${wrong}`);
const rate = (ms: number) => Math.round(cases.length / (ms / 1000));
console.log(`throughput (one core): first pass incl. JIT warm-up ${rate(coldMs)}/s; repeated addresses ${rate(repeatMs)}/s`);
console.log(
  `throughput on new addresses (${distinct.length} distinct, fresh index each round, warm JIT): median ${median(roundRates)}/s wall clock ` +
    `(rounds: ${roundRates.map((x) => `${x}/s`).join(', ')}); median ${median(cpuRates)}/s per CPU-second of this process`,
);
console.log('by variety (right/n):', [...byVariety].map(([k, s]) => `${k} ${s.right}/${s.n}`).join(', '));
if (failures.length) console.log(`first failures:\n  ${failures.join('\n  ')}`);

/** The engine's full collection (flag set at run time, so `npm run bench:address` needs no node option). */
function gcOrNothing(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => {});
}
