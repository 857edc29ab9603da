/**
 * Quick rate of address coding on new addresses for a noisy shared machine:
 * `node --expose-gc --import tsx scripts/address-bench/rate-address.ts [rounds]`. Same rounds as bench:address
 * (warm JIT, fresh index per round, full collection before each), CPU time of this process per round; prints
 * the best round (least disturbed by other jobs) and the median.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteerIndex } from '../../src/normalize/address/gazetteer-index.js';
import { codeAddress } from '../../src/normalize/address/code-address.js';
import type { GazetteerData } from '../../src/normalize/address/gazetteer-data.js';
import { generateAddresses } from './generate-addresses.js';

const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const data = JSON.parse(readFileSync(join(here, '../../data/gazetteer/vn-2025.json'), 'utf8')) as GazetteerData;
const cases = generateAddresses(data, 3000, 20250701);
const seen = new Set<string>();
const distinct = cases.filter((c) => {
  const k = JSON.stringify([c.defaultProvinceCode, c.input]);
  return !seen.has(k) && seen.add(k) !== undefined;
});
const warm = buildGazetteerIndex(data);
for (const c of generateAddresses(data, 12000, 20250702)) codeAddress(c.input, warm, { defaultProvinceCode: c.defaultProvinceCode });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rates: number[] = [];
for (let r = 0; r < rounds; r++) {
  const index = buildGazetteerIndex(data);
  gc();
  const cpu = process.cpuUsage();
  for (const c of distinct) codeAddress(c.input, index, { defaultProvinceCode: c.defaultProvinceCode });
  const used = process.cpuUsage(cpu);
  rates.push(Math.round(distinct.length / ((used.user + used.system) / 1e6)));
}
const sorted = [...rates].sort((a, b) => a - b);
console.log(`new addresses per CPU-second: best ${sorted[sorted.length - 1]}, median ${sorted[sorted.length >> 1]} (${rates.join(' ')})`);
