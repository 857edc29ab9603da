/**
 * Writes the match bench's inputs: `registry/` (household CSVs of `registry` persons), `incoming/` (a batch of
 * `incoming` rows, `duplicateShare` of them registry people as another book writes them, the rest new people,
 * some named like registry people) and `truth.csv` beside them: for every row of both, its file, line, entity key,
 * kind and the corruptions it carries. Seeded: same options, same bytes.
 *
 * @example
 * const summary = generateMatchBench({ seed: 7, registry: 50_000, incoming: 10_000, duplicateShare: 0.3, outDir: '/tmp/mb' });
 * summary.duplicates; // 3000
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../synthetic/prng.js';
import { benchCsv, type BenchRow } from './bench-row.js';
import { duplicateHousehold, newHouseholds, type IncomingHousehold, type NamesakeSource } from './incoming-batch.js';
import { IdentifierPool, registryHouseholds, type BenchHousehold } from './registry-source.js';

export interface MatchBenchOptions {
  seed: number;
  registry: number;
  incoming: number;
  duplicateShare: number;
  outDir: string;
  /** Households are never split across files; a file closes once it holds this many rows. */
  rowsPerFile?: number;
}

export interface MatchBenchSummary {
  registryRows: number;
  incomingRows: number;
  duplicates: number;
  namesakes: number;
  registryFiles: number;
  incomingFiles: number;
}

export const TRUTH_HEADER = 'file,row,side,entity,kind,corruptions';

/** Household CSV files of about `rowsPerFile` rows each, named `<prefix>-0001.csv`, with their truth lines. */
class FileBatcher {
  private rows: BenchRow[] = [];
  private truth: string[] = [];
  files = 0;

  constructor(private readonly dir: string, private readonly prefix: string, private readonly side: string,
    private readonly truthFd: number, private readonly rowsPerFile: number) {
    mkdirSync(dir, { recursive: true });
  }

  private get fileName(): string {
    return `${this.prefix}-${String(this.files + 1).padStart(4, '0')}.csv`;
  }

  add(h: BenchHousehold, kinds?: readonly string[], corruptions?: readonly string[][]): void {
    for (const [i, row] of h.rows.entries()) {
      this.truth.push(`${this.fileName},${this.rows.length + 2},${this.side},${h.entities[i]},${kinds?.[i] ?? 'registry'},${corruptions?.[i].join(' ') ?? ''}`);
      this.rows.push(row);
    }
    if (this.rows.length >= this.rowsPerFile) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    writeFileSync(join(this.dir, this.fileName), benchCsv(this.rows));
    writeSync(this.truthFd, this.truth.join('\n') + '\n');
    this.files++;
    this.rows = [];
    this.truth = [];
  }
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export function generateMatchBench(o: MatchBenchOptions): MatchBenchSummary {
  const rowsPerFile = o.rowsPerFile ?? 2000;
  const rng = new Rng(o.seed);
  const ids = new IdentifierPool(rng.fork());
  // Never more duplicates than the registry can give (small test sizes).
  const duplicates = Math.min(Math.round(o.incoming * o.duplicateShare), Math.floor(o.registry * 0.8));
  const fresh = o.incoming - duplicates;
  const namesakeShare = 0.15;
  mkdirSync(o.outDir, { recursive: true });
  const truthFd = openSync(join(o.outDir, 'truth.csv'), 'w');
  writeSync(truthFd, TRUTH_HEADER + '\n');

  // Sample registry households (to copy) and persons (to borrow names from) while streaming the registry out.
  const registryOut = new FileBatcher(join(o.outDir, 'registry'), 'so-ho-khau', 'registry', truthFd, rowsPerFile);
  const pickHousehold = Math.min(1, (1.6 * duplicates) / o.registry);
  const pickNamesake = Math.min(1, (2 * fresh * namesakeShare) / o.registry + 0.001);
  const chosen: BenchHousehold[] = [];
  const namesakes: NamesakeSource[] = [];
  const pick = rng.fork();
  for (const h of registryHouseholds(o.seed, o.registry, ids)) {
    registryOut.add(h);
    if (pick.chance(pickHousehold)) chosen.push(h);
    for (const r of h.rows) if (pick.chance(pickNamesake)) namesakes.push({ fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, ethnicity: r.ethnicity });
  }
  registryOut.flush();

  const incoming: IncomingHousehold[] = [];
  let dupRows = 0;
  for (const h of shuffle(rng, chosen)) {
    if (dupRows >= duplicates) break;
    const d = duplicateHousehold(rng, h, ids);
    const keep = Math.min(d.rows.length, duplicates - dupRows);
    incoming.push({ ...d, rows: d.rows.slice(0, keep), entities: d.entities.slice(0, keep), kinds: d.kinds.slice(0, keep), corruptions: d.corruptions.slice(0, keep) });
    dupRows += keep;
  }
  incoming.push(...newHouseholds(rng, o.seed * 7919 + 999_983, o.incoming - dupRows, ids, namesakes, namesakeShare));
  const incomingOut = new FileBatcher(join(o.outDir, 'incoming'), 'nhap-moi', 'incoming', truthFd, rowsPerFile);
  for (const h of shuffle(rng, incoming)) incomingOut.add(h, h.kinds, h.corruptions);
  incomingOut.flush();
  closeSync(truthFd);
  return {
    registryRows: o.registry,
    incomingRows: o.incoming,
    duplicates: dupRows,
    namesakes: incoming.reduce((n, h) => n + h.kinds.filter((k) => k === 'namesake').length, 0),
    registryFiles: registryOut.files,
    incomingFiles: incomingOut.files,
  };
}
