/**
 * Reads what the batch import did, through the product's own export (`hokhau export persons`: which input rows
 * ended up in the same person) and, for the review pairs, the registry's match_reviews table, and scores it
 * against truth.csv: pairwise P/R/F1 of automatic merges and of automatic + review, and per-row diagnostics
 * (which corruptions were missed, which kinds of new people were wrongly merged).
 *
 * @example
 * const result = await evaluateBatch({ repo: '.', db: '/tmp/mb/registry.sqlite', truthFile: '/tmp/mb/truth.csv', runId });
 * result.auto.precision; result.withReview.recall;
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { joinClusters, pairwiseScores, type PairwiseScores } from './pairwise-metrics.js';

interface TruthRow {
  entity: string;
  side: 'registry' | 'incoming';
  kind: string;
  corruptions: string[];
}

/** What became of one incoming row. */
export type RowOutcome = 'merged_right' | 'merged_wrong' | 'review_right' | 'review_wrong' | 'alone' | 'absent';

export interface BatchEvaluation {
  auto: PairwiseScores;
  withReview: PairwiseScores;
  /** Pairs of two different registry people merged by the setup import (should be 0). */
  setupFalsePairs: number;
  /** Incoming rows that are pending_review persons with a match_reviews row of this run. */
  matchFlagged: number;
  /** outcome counts per kind of incoming row: duplicate / new / namesake. */
  outcomesByKind: Record<string, Record<RowOutcome, number>>;
  /** For duplicates: per corruption, rows carrying it and how many were not found automatically / at all. */
  byCorruption: Record<string, { rows: number; notAuto: number; missed: number }>;
  /** Duplicates found neither automatically nor through review: row key ('file:row'), entity, corruptions, outcome. */
  missed: { row: string; entity: string; corruptions: string[]; outcome: RowOutcome }[];
}

export function readTruth(file: string): Map<string, TruthRow> {
  const truth = new Map<string, TruthRow>();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [f, row, side, entity, kind, corruptions] = lines[i].split(',');
    truth.set(`${f}:${row}`, { entity, side: side as TruthRow['side'], kind, corruptions: corruptions ? corruptions.split(' ') : [] });
  }
  return truth;
}

/** person id → row keys ('file:row') of its sources, from `hokhau export persons`. */
async function exportedClusters(repo: string, db: string): Promise<Map<number, string[]>> {
  const child = spawn(process.execPath, [join(repo, 'bin/hokhau.js'), 'export', 'persons', '--db', db], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  const clusters = new Map<number, string[]>();
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line) continue;
    const p = JSON.parse(line) as { id: number; sources: { file: string; row: number | null }[] };
    clusters.set(p.id, p.sources.map((s) => `${s.file}:${s.row}`));
  }
  const code = await exited;
  if (code !== 0) throw new Error(`hokhau export persons exited ${code}`);
  return clusters;
}

/** [flagged person, candidate] pairs the run sent to review; none when the registry has no match_reviews yet. */
function reviewLinks(db: string, runId: string): [number, number][] {
  const sqlite = new Database(db, { readonly: true });
  try {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'match_reviews'").get();
    if (!exists) return [];
    return sqlite.prepare('SELECT person_id, candidate_person_id FROM match_reviews WHERE run_id = ?').raw().all(runId) as [number, number][];
  } finally {
    sqlite.close();
  }
}

const emptyOutcomes = (): Record<RowOutcome, number> => ({ merged_right: 0, merged_wrong: 0, review_right: 0, review_wrong: 0, alone: 0, absent: 0 });

export async function evaluateBatch(o: { repo: string; db: string; truthFile: string; runId: string }): Promise<BatchEvaluation> {
  const truth = readTruth(o.truthFile);
  const clusters = await exportedClusters(o.repo, o.db);
  const links = reviewLinks(o.db, o.runId);
  const entityOf = new Map([...truth].map(([row, t]) => [row, t.entity]));
  const isIncoming = (row: string) => truth.get(row)?.side === 'incoming';

  const auto = pairwiseScores(clusters.values(), entityOf, isIncoming);
  const withReview = pairwiseScores(joinClusters(clusters, links), entityOf, isIncoming);

  let setupFalsePairs = 0;
  const personOf = new Map<string, number>();
  for (const [id, rows] of clusters) {
    for (const row of rows) personOf.set(row, id);
    const registryRows = rows.filter((r) => !isIncoming(r));
    const entities = new Map<string, number>();
    for (const r of registryRows) entities.set(entityOf.get(r) ?? r, (entities.get(entityOf.get(r) ?? r) ?? 0) + 1);
    const pairs = (n: number) => (n * (n - 1)) / 2;
    setupFalsePairs += pairs(registryRows.length) - [...entities.values()].reduce((s, n) => s + pairs(n), 0);
  }

  const candidatesOf = new Map<number, number[]>();
  for (const [person, candidate] of links) candidatesOf.set(person, [...(candidatesOf.get(person) ?? []), candidate]);
  const holdsEntity = (person: number, entity: string, self: string) =>
    (clusters.get(person) ?? []).some((r) => r !== self && entityOf.get(r) === entity);

  const outcomesByKind: Record<string, Record<RowOutcome, number>> = {};
  const byCorruption: BatchEvaluation['byCorruption'] = {};
  const missed: BatchEvaluation['missed'] = [];
  for (const [row, t] of truth) {
    if (t.side !== 'incoming') continue;
    const person = personOf.get(row);
    let outcome: RowOutcome;
    if (person === undefined) outcome = 'absent';
    else if (candidatesOf.has(person)) outcome = candidatesOf.get(person)!.some((c) => holdsEntity(c, t.entity, row)) ? 'review_right' : 'review_wrong';
    else if (clusters.get(person)!.length > 1) outcome = holdsEntity(person, t.entity, row) && clusters.get(person)!.every((r) => entityOf.get(r) === t.entity) ? 'merged_right' : 'merged_wrong';
    else outcome = 'alone';
    (outcomesByKind[t.kind] ??= emptyOutcomes())[outcome]++;
    if (t.kind !== 'duplicate') continue;
    if (outcome !== 'merged_right' && outcome !== 'review_right') missed.push({ row, entity: t.entity, corruptions: t.corruptions, outcome });
    for (const tag of t.corruptions.length > 0 ? t.corruptions : ['(none)']) {
      const c = (byCorruption[tag] ??= { rows: 0, notAuto: 0, missed: 0 });
      c.rows++;
      if (outcome !== 'merged_right') c.notAuto++;
      if (outcome !== 'merged_right' && outcome !== 'review_right') c.missed++;
    }
  }
  const matchFlagged = new Set(links.map(([p]) => p).filter((p) => (clusters.get(p) ?? []).some(isIncoming))).size;
  return { auto, withReview, setupFalsePairs, matchFlagged, outcomesByKind, byCorruption, missed };
}
