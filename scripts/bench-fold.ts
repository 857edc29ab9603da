/**
 * Micro-benchmark of the text keys every match compares: `node --import tsx scripts/bench-fold.ts [people] [rounds]`.
 * Runs cleanText, foldKey and toneKey and their slow reference paths on the same synthetic Điện Biên full names
 * and addresses (a few typed messily: NFD, NBSP, double spaces, upper case), alternating which goes first each
 * round, and prints strings per second for each and the speed-up. Checks that both give the same answers.
 */
import { cleanText, foldKey, SLOW_PATHS, toneKey } from '../src/normalize/vietnamese-text.js';
import { generateHouseholds } from './synthetic/people.js';
import { Rng } from './synthetic/prng.js';

const people = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 6);

function benchStrings(): string[] {
  const rng = new Rng(20250701);
  const texts: string[] = [];
  for (const household of generateHouseholds(7, people)) {
    const a = household.address;
    const address = `${a.hamlet}, ${a.communeType.toLowerCase()} ${a.commune}, ${a.districtType.toLowerCase()} ${a.district}, tỉnh ${a.province}`;
    for (const person of household.members) texts.push(messUp(person.fullName, rng), messUp(address, rng));
  }
  return texts;
}

/** About one text in twenty as an older file or another typist leaves it. */
function messUp(text: string, rng: Rng): string {
  if (!rng.chance(0.05)) return text;
  return rng.pick([
    (t: string) => t.normalize('NFD'),
    (t: string) => t.replaceAll(' ', '\u00A0'),
    (t: string) => ` ${t.replaceAll(' ', '  ')} `,
    (t: string) => t.toUpperCase(),
  ])(text);
}

/** Strings per second; reads a character of every answer so both sides pay to flatten what they build. */
function rate(fn: (text: string) => string, texts: readonly string[]): number {
  let sink = 0;
  const start = performance.now();
  for (const text of texts) {
    const out = fn(text);
    sink += out.length + out.charCodeAt(out.length >> 1);
  }
  const ms = performance.now() - start;
  if (sink === -1) console.log(sink); // keeps the loop from being optimised away
  return (texts.length / ms) * 1000;
}

// Flat strings, as they come from a database or a file (template literals build ropes that read slower).
const texts = JSON.parse(JSON.stringify(benchStrings())) as string[];
console.log(`${texts.length} tên và địa chỉ (names and addresses), ${rounds} vòng (rounds)`);
const pairs = [
  ['cleanText', cleanText, SLOW_PATHS.cleanText],
  ['foldKey', foldKey, SLOW_PATHS.foldKey],
  ['toneKey', toneKey, SLOW_PATHS.toneKey],
] as const;
for (const [name, fast, slow] of pairs) {
  const wrong = texts.filter((t) => fast(t) !== slow(t)).length;
  if (wrong > 0) throw new Error(`${name}: ${wrong} answers differ from the slow path`);
  const fastRates: number[] = [];
  const slowRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      slowRates.push(rate(slow, texts));
      fastRates.push(rate(fast, texts));
    } else {
      fastRates.push(rate(fast, texts));
      slowRates.push(rate(slow, texts));
    }
  }
  // The median round: the machine is shared, single rounds can be slowed by a neighbour.
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const f = median(fastRates);
  const s = median(slowRates);
  console.log(`${name.padEnd(9)}  cũ (slow) ${(s / 1e6).toFixed(2)} M/s  mới (fast) ${(f / 1e6).toFixed(2)} M/s  ×${(f / s).toFixed(1)}`);
}
