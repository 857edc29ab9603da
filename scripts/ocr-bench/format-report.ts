/**
 * The benchmark's printed tables: throughput and accuracy per level against the issue's targets, accuracy per
 * field, the confidence calibration, the low-confidence threshold replay and the worst readings.
 */
import type { DamageLevel } from '../synthetic-scans/scan-damage.js';
import type { AccuracySummary, Calibration, ThresholdReplay } from './accuracy-summary.js';
import type { RecordStats } from './collect-outcomes.js';
import { isSilentError, type FieldOutcome } from './field-outcome.js';
import { SCORED_FIELDS } from './field-compare.js';

export interface Throughput {
  pages: number;
  seconds: number;
  pagesPerMinute: number;
  /** CPU time spent a page, all threads (hokhau) or all processes (native); null where it cannot be read. */
  cpuMsPerPage: number | null;
}

export interface LevelFigures {
  /** A damage level, or 'overall'. */
  level: DamageLevel | 'overall';
  pages: number;
  hokhau: Throughput | null;
  native: (Throughput & { failures: number }) | null;
  /** hokhau / native pages per minute. */
  ratio: number | null;
  accuracy: AccuracySummary;
  records: RecordStats;
}

/** Targets of issue 3: field accuracy per level, silent errors at every level, throughput against native. */
export const TARGETS = { accuracy: { clean: 0.99, moderate: 0.97 } as Partial<Record<string, number>>, silentRate: 0.005, ratio: 0.8 };

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
const num = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '–' : x.toFixed(digits));
const mark = (ok: boolean | null): string => (ok === null ? ' ' : ok ? '✓' : '✗');

/**
 * The headline table, one row per level and one overall.
 *
 * @example
 * console.log(formatSummary(figures));
 */
export function formatSummary(rows: readonly LevelFigures[]): string {
  const head = ['level', 'pages', 'hokhau p/min', 'native p/min', 'ratio', 'CPU ms/page', 'CER', 'CER(ocr)', 'field acc', 'silent', 'review', 'rec flagged'];
  const body = rows.map((r) => {
    const target = TARGETS.accuracy[r.level];
    const a = r.accuracy;
    return [
      r.level, String(r.pages), num(r.hokhau?.pagesPerMinute), num(r.native?.pagesPerMinute),
      r.ratio === null ? '–' : `${r.ratio.toFixed(2)} ${mark(r.ratio >= TARGETS.ratio)}`,
      `${num(r.hokhau?.cpuMsPerPage, 0)} / ${num(r.native?.cpuMsPerPage, 0)}`,
      pct(a.cer, 2), pct(a.ocrCer, 2),
      `${pct(a.accuracy, 2)} ${mark(target === undefined ? null : a.accuracy >= target)}`,
      `${pct(a.silentRate, 2)} ${mark(a.silentRate <= TARGETS.silentRate)}`,
      pct(a.reviewShare), `${r.records.flagged}/${r.records.memberPages}`,
    ];
  });
  return table(head, body);
}

/** Per level: records, reported pages, spurious fields, address coding and book numbers. */
export function formatRecords(rows: readonly LevelFigures[]): string {
  const head = ['level', 'fields', 'wrong', 'missing', 'silent', 'records', 'rejected', 'pages reported', 'spurious (silent)', 'commune ok/wrong/none', 'book no from folder'];
  return table(head, rows.map((r) => {
    const a = r.accuracy;
    const s = r.records;
    return [r.level, String(a.fields), String(a.fields - a.correct), String(a.missing), String(a.silent),
      `${s.records}/${s.memberPages}`, String(s.rejected), String(s.pagesReported), `${s.spurious} (${s.spuriousSilent})`,
      `${s.commune.right}/${s.commune.wrong}/${s.commune.uncoded}`, String(s.bookNoFromFolder)];
  }));
}

/** Accuracy of each field per level: `acc% wrong/n (silent)`. */
export function formatFields(outcomes: readonly FieldOutcome[], levels: readonly DamageLevel[]): string {
  const body: string[][] = [];
  for (const field of SCORED_FIELDS) {
    const cells = levels.map((level) => {
      const of = outcomes.filter((o) => o.field === field && o.level === level);
      if (of.length === 0) return '';
      const wrong = of.filter((o) => !o.correct).length;
      const silent = of.filter(isSilentError).length;
      return `${pct(1 - wrong / of.length)} ${wrong}/${of.length}${silent > 0 ? ` (${silent} silent)` : ''}`;
    });
    if (cells.some((c) => c !== '')) body.push([field, ...cells]);
  }
  return table(['field', ...levels], body);
}

/** Right and wrong fields per confidence bucket, per level; wrong ones nobody looks at in brackets. */
export function formatCalibration(byLevel: readonly { level: string; calibration: Calibration }[]): string {
  const labels = byLevel[0]?.calibration.labels ?? [];
  const body: string[][] = [];
  for (const { level, calibration: c } of byLevel) {
    body.push([level, 'right', ...c.right.map(String)]);
    body.push(['', 'wrong (silent)', ...c.wrong.map((w, i) => (w === 0 ? '0' : `${w} (${c.wrongSilent[i]})`))]);
    body.push(['', 'wrong share', ...c.wrong.map((w, i) => (w + c.right[i] === 0 ? '–' : pct(w / (w + c.right[i]))))]);
  }
  return table(['level', 'fields', ...labels], body);
}

/** Silent error rate and review load per level if the low-confidence threshold were each of `thresholds`. */
export function formatThresholds(byLevel: readonly { level: string; replay: ThresholdReplay[] }[]): string {
  const thresholds = byLevel[0]?.replay.map((r) => r.threshold) ?? [];
  const body = byLevel.map(({ level, replay }) => [level, ...replay.map((r) => `${pct(r.silentRate, 2)} / ${pct(r.reviewShare)}`)]);
  return table(['level (silent / review)', ...thresholds.map((t) => `< ${t}`)], body);
}

/**
 * The worst readings: wrong fields nobody will look at first, then the most confident wrong ones. IDs are masked
 * (first 3 and last 2 digits kept) unless `fullIds`.
 */
export function formatExamples(outcomes: readonly FieldOutcome[], limit: number, fullIds: boolean): string {
  const wrong = outcomes.filter((o) => !o.correct)
    .sort((a, b) => Number(isSilentError(b)) - Number(isSilentError(a)) || (b.confidence ?? -1) - (a.confidence ?? -1));
  const body = wrong.slice(0, limit).map((o) => {
    const show = (v: string | null): string => (v === null ? '∅' : fullIds || !isId(o.field) ? v : maskId(v));
    return [o.level, o.file.replace(/^[a-z]+\//, ''), o.field, show(o.truth), show(o.read), show(o.ocrText),
      String(o.edits), num(o.confidence, 2), isSilentError(o) ? 'SILENT' : 'review'];
  });
  const more = wrong.length > limit ? `\n… ${wrong.length - limit} more wrong fields (--verbose shows more)` : '';
  return table(['level', 'page', 'field', 'truth', 'read', 'ocr text', 'edits', 'conf', 'flag'], body) + more;
}

function isId(field: string): boolean {
  return field === 'personal_id' || field === 'old_id' || field === 'id_any';
}

/**
 * An ID with its middle digits hidden.
 *
 * @example
 * maskId('011076775642'); // '011•••••••42'
 */
export function maskId(text: string): string {
  let seen = 0;
  const digits = text.replace(/\D/g, '').length;
  return text.replace(/\d/g, (d) => (seen++ < 3 || seen > digits - 2 ? d : '•'));
}

/** A plain left-aligned text table, widths measured in code points. */
export function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const width = head.map((h, i) => Math.max([...h].length, ...body.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c + ' '.repeat(width[i] - [...c].length)).join('  ').trimEnd();
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
