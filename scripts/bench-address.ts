/**
 * Address coding benchmark: `npm run bench:address [count] [seed]`.
 * Prints the share of generated addresses given the right current commune code, the share sent to review,
 * the codes assigned wrongly without review, and addresses per second on one core (Node is single-threaded).
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
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

// Throughput once the JIT is warm: a fresh index (nothing memoized: every address distinct), then the
// same addresses again (a book repeats its address on every member's row).
const fresh = buildGazetteerIndex(data);
const t1 = performance.now();
for (const c of cases) codeAddress(c.input, fresh, { defaultProvinceCode: c.defaultProvinceCode });
const distinctMs = performance.now() - t1;
const t2 = performance.now();
for (const c of cases) codeAddress(c.input, fresh, { defaultProvinceCode: c.defaultProvinceCode });
const repeatMs = performance.now() - t2;

const pct = (x: number) => `${((100 * x) / cases.length).toFixed(2)}%`;
console.log(`addresses: ${cases.length} (seed ${seed}); gazetteer ${data.version}; index built in ${indexMs.toFixed(0)} ms`);
console.log(`correct current commune (or review where undecidable/split): ${pct(right)} (${right})`);
console.log(`sent to review: ${pct(sentToReview)} (${sentToReview}); of which decidable (missed): ${review}`);
console.log(`wrong codes assigned without review: ${wrong}`);
const rate = (ms: number) => Math.round(cases.length / (ms / 1000));
console.log(`throughput (one core): first pass incl. JIT warm-up ${rate(coldMs)}/s; distinct addresses, warm ${rate(distinctMs)}/s; repeated addresses ${rate(repeatMs)}/s`);
console.log('by variety (right/n):', [...byVariety].map(([k, s]) => `${k} ${s.right}/${s.n}`).join(', '));
if (failures.length) console.log(`first failures:\n  ${failures.join('\n  ')}`);
