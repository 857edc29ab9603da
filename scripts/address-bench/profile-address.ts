/**
 * CPU profile of address coding on new addresses only (warm JIT, fresh index per round, index builds not
 * profiled): `node --import tsx scripts/address-bench/profile-address.ts [rounds] [out.cpuprofile]`.
 * Prints the top functions by self time; writes the profile for a viewer when a path is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { buildGazetteerIndex } from '../../src/normalize/address/gazetteer-index.js';
import { codeAddress } from '../../src/normalize/address/code-address.js';
import type { GazetteerData } from '../../src/normalize/address/gazetteer-data.js';
import { generateAddresses } from './generate-addresses.js';

const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[2] ?? 10);
const out = process.argv[3];
const data = JSON.parse(readFileSync(join(here, '../../data/gazetteer/vn-2025.json'), 'utf8')) as GazetteerData;
const cases = generateAddresses(data, 3000, 20250701);
const warm = buildGazetteerIndex(data);
for (const c of generateAddresses(data, 12000, 20250702)) codeAddress(c.input, warm, { defaultProvinceCode: c.defaultProvinceCode });
const indexes = Array.from({ length: rounds }, () => buildGazetteerIndex(data));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
for (const index of indexes) for (const c of cases) codeAddress(c.input, index, { defaultProvinceCode: c.defaultProvinceCode });
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
console.log(`${Math.round((rounds * cases.length) / ((used.user + used.system) / 1e6))}/s per CPU-second (incl. profiler overhead)`);
if (out) writeFileSync(out, JSON.stringify(profile));

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
const nodes = profile.nodes as Node[];
const self = new Map<string, number>();
let total = 0;
for (const n of nodes) {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber + 1}`;
  self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0));
  total += n.hitCount ?? 0;
}
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
