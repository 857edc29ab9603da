/**
 * Blocking rules: small objects that give each record zero or more keys; two records are a candidate pair when
 * they share a key under some rule. Pairs come from hash joins on the keys, never from all pairs.
 */

/** One rule: a record's keys under it (none = the rule does not apply to that record). */
export interface BlockingRule<R> {
  name: string;
  keys: (record: R) => readonly string[];
}

/** A key part: one value, several (e.g. name and other name), or nothing. */
export type KeyPart<R> = (record: R) => string | null | undefined | readonly (string | null | undefined)[];

/**
 * A rule whose key is the combination of parts (every part must have a value); a part with several values gives
 * several keys.
 *
 * @example
 * const nameYear = blockOn<PersonValues>('name_year', (p) => foldKey(p.full_name), (p) => p.birth_date?.slice(0, 4));
 * nameYear.keys(nguyenVanHung1968); // ['nguyen van hung\u001f1968']
 */
export function blockOn<R>(name: string, ...parts: readonly KeyPart<R>[]): BlockingRule<R> {
  return {
    name,
    // Runs for every record of both sides under every rule: while every part has one value, the key is built as a
    // string, without arrays.
    keys: (record) => {
      let single = '';
      let keys: string[] | null = null;
      for (let p = 0; p < parts.length; p++) {
        const raw = parts[p](record);
        if (keys === null && typeof raw === 'string') {
          if (raw === '') return [];
          single = p === 0 ? raw : `${single}\u001f${raw}`;
          continue;
        }
        let values: string[];
        if (typeof raw === 'string') values = raw === '' ? [] : [raw];
        else if (Array.isArray(raw)) values = raw.filter((v): v is string => typeof v === 'string' && v !== '');
        else values = [];
        if (values.length === 0) return [];
        if (keys === null) keys = p === 0 ? values : values.map((v) => `${single}\u001f${v}`);
        else keys = keys.flatMap((k) => values.map((v) => `${k}\u001f${v}`));
      }
      if (keys === null) return [single];
      return keys.length > 1 ? [...new Set(keys)] : keys;
    },
  };
}

/** Candidate pairs as parallel index arrays, with how many each rule found first. */
export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  /** Pairs first found by each rule (later rules only add what earlier ones missed). */
  byRule: Record<string, number>;
  /** Keys skipped because their block would have exceeded maxBlockPairs (stop-words of blocking). */
  skippedBlocks: number;
}

export interface BlockingOptions {
  /** A key whose block holds more pairs than this is skipped and counted (default 10,000). */
  maxBlockPairs?: number;
  /** The left records' blocks (indexBlocks of the same rules and records), when several searches share that side. */
  leftIndex?: BlockIndex;
}

/** Each rule's blocks of a record list: key → indices of the records that have it. */
export type BlockIndex = readonly ReadonlyMap<string, readonly number[]>[];

/**
 * The blocks of `records` under each rule, to reuse across searches from the same side (linkPairs against several
 * candidate lists, then dedupePairs): a batch's keys are computed once.
 *
 * @example
 * const blocks = indexBlocks(model.blockingRules, incoming);
 * linkPairs(model.blockingRules, incoming, registry, { leftIndex: blocks });
 */
export function indexBlocks<R>(rules: readonly BlockingRule<R>[], records: readonly R[]): BlockIndex {
  return rules.map((rule) => index(rule, records));
}

/**
 * Pairs (i in left, j in right) that share a key under any rule. Cost: one hash map per rule per side, plus the
 * pairs produced.
 *
 * @example
 * const pairs = linkPairs([samePersonalId, nameYear], incoming, registry);
 * pairs.left[0], pairs.right[0]; // indices into incoming and registry
 */
export function linkPairs<R>(rules: readonly BlockingRule<R>[], left: readonly R[], right: readonly R[], options: BlockingOptions = {}): CandidatePairs {
  return collectPairs(rules, left, right, false, options.maxBlockPairs ?? 10_000, options.leftIndex);
}

/**
 * Pairs (i < j) within one list that share a key under any rule: within-batch duplicates.
 *
 * @example
 * dedupePairs([sameBookGiven], batch).left.length; // number of candidate pairs
 */
export function dedupePairs<R>(rules: readonly BlockingRule<R>[], records: readonly R[], options: BlockingOptions = {}): CandidatePairs {
  return collectPairs(rules, records, records, true, options.maxBlockPairs ?? 10_000, options.leftIndex);
}

function collectPairs<R>(
  rules: readonly BlockingRule<R>[],
  left: readonly R[],
  right: readonly R[],
  dedupe: boolean,
  maxBlockPairs: number,
  leftIndex?: BlockIndex,
): CandidatePairs {
  const seen = new Set<number>();
  const outLeft: number[] = [];
  const outRight: number[] = [];
  const byRule: Record<string, number> = {};
  let skippedBlocks = 0;
  const width = right.length;
  for (const [r, rule] of rules.entries()) {
    byRule[rule.name] = 0;
    const leftBlocks = leftIndex?.[r] ?? index(rule, left);
    const rightBlocks = dedupe ? leftBlocks : index(rule, right, leftBlocks);
    for (const [key, ls] of leftBlocks) {
      const rs = rightBlocks.get(key);
      if (!rs) continue;
      const size = dedupe ? (ls.length * (ls.length - 1)) / 2 : ls.length * rs.length;
      if (size > maxBlockPairs) {
        skippedBlocks++;
        continue;
      }
      for (const i of ls) {
        for (const j of rs) {
          if (dedupe && j <= i) continue;
          const id = i * width + j;
          if (seen.has(id)) continue;
          seen.add(id);
          outLeft.push(i);
          outRight.push(j);
          byRule[rule.name]++;
        }
      }
    }
  }
  return { left: Int32Array.from(outLeft), right: Int32Array.from(outRight), byRule, skippedBlocks };
}

/** Each key's records; with `only`, just the keys it has (the other side's: a key on one side alone pairs nothing). */
function index<R>(rule: BlockingRule<R>, records: readonly R[], only?: ReadonlyMap<string, unknown>): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  records.forEach((record, i) => {
    for (const key of rule.keys(record)) {
      if (only && !only.has(key)) continue;
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  return blocks;
}
