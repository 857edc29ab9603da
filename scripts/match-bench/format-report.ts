/**
 * The bench's printed report: the batch run, the scores against the targets of issue 5, outcomes per kind of row
 * and the corruptions the matcher misses; and, over several registry sizes, the growth of time and memory.
 *
 * @example
 * console.log(formatEvaluation({ registry: 50_000, incoming: 10_000, batch, evaluation }));
 */
import type { BatchEvaluation } from './evaluate-batch.js';
import type { PairwiseScores } from './pairwise-metrics.js';
import type { TimedImport } from './timed-import.js';

export interface ScaleLine {
  registry: number;
  incoming: number;
  seconds: number;
  maxRssMiB: number | null;
}

const pct = (x: number, digits = 2) => `${(100 * x).toFixed(digits)}%`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function scores(label: string, s: PairwiseScores): string {
  return `${label.padEnd(18)} precision ${pct(s.precision).padStart(8)}  recall ${pct(s.recall).padStart(8)}  F1 ${s.f1.toFixed(4)}  (pairs: true ${s.truePairs}, predicted ${s.predictedPairs}, correct ${s.correctPairs})`;
}

export function formatEvaluation(o: { registry: number; incoming: number; batch: TimedImport; evaluation: BatchEvaluation }): string {
  const { batch, evaluation: e } = o;
  const r = batch.report;
  const rss = batch.maxRssMiB === null ? 'n/a (no /usr/bin/time)' : `${batch.maxRssMiB.toFixed(0)} MiB`;
  const reviewLoad = r.flagged / o.incoming;
  const lines = [
    `batch: registry ${o.registry}, incoming ${o.incoming}: ${batch.seconds.toFixed(1)} s, peak RSS ${rss}, status ${r.status}`,
    `  outcomes: ${r.new} new, ${r.merged} merged, ${r.flagged} flagged (${e.matchFlagged} with a duplicate-review pair), ${r.rejected} rejected`,
    '  ' + scores('automatic merges', e.auto),
    '  ' + scores('automatic + review', e.withReview),
    `  review load ${pct(reviewLoad)} of incoming (${r.flagged}/${o.incoming}); duplicate pairs only: ${pct(e.matchFlagged / o.incoming)}`,
    `  targets: auto precision ≥ 99.9% ${mark(e.auto.precision >= 0.999)}; auto+review recall ≥ 99% ${mark(e.withReview.recall >= 0.99)}; review load ≤ 5% ${mark(reviewLoad <= 0.05)}`,
  ];
  if (e.setupFalsePairs > 0) lines.push(`  setup merged ${e.setupFalsePairs} pairs of different registry people`);
  lines.push('  incoming rows by kind → outcome (merged/review right or wrong, alone, absent = rejected):');
  for (const [kind, out] of Object.entries(e.outcomesByKind))
    lines.push(`    ${kind.padEnd(10)} ${Object.entries(out).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push('  duplicates by corruption: rows, not merged automatically, missed even with review:');
  const tags = Object.entries(e.byCorruption).sort((a, b) => b[1].missed / b[1].rows - a[1].missed / a[1].rows);
  for (const [tag, c] of tags)
    lines.push(`    ${tag.padEnd(20)} ${String(c.rows).padStart(6)}  not auto ${pct(c.notAuto / c.rows, 1).padStart(6)}  missed ${pct(c.missed / c.rows, 1).padStart(6)}`);
  return lines.join('\n');
}

/** Time and peak RSS per registry size, and the cost growth against the registry's growth (1.00 = linear). */
export function formatScale(lines: readonly ScaleLine[]): string {
  const out = ['registry  incoming  batch s  peak RSS'];
  for (const l of lines)
    out.push(`${String(l.registry).padStart(8)}  ${String(l.incoming).padStart(8)}  ${l.seconds.toFixed(1).padStart(7)}  ${l.maxRssMiB === null ? 'n/a' : `${l.maxRssMiB.toFixed(0)} MiB`}`);
  const [a, b] = [lines[0], lines[lines.length - 1]];
  out.push(`registry ×${(b.registry / a.registry).toFixed(1)}: batch time ×${(b.seconds / a.seconds).toFixed(2)}, peak RSS ×${a.maxRssMiB && b.maxRssMiB ? (b.maxRssMiB / a.maxRssMiB).toFixed(2) : 'n/a'}`);
  out.push('targets at 1M registry + 100k incoming: under 120 s and 2 GiB');
  return out.join('\n');
}
