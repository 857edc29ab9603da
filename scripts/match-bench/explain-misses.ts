/**
 * Why the bench's missed duplicates were missed (`bench:match --verbose`): for each, whether the run's model ever
 * compared it with its registry twin (a blocking rule joins them) or compared it and scored it below review, with
 * the explanation. Replays with the model saved on the batch run and the values as each book wrote them (the
 * normalized source records), so what it says is what the run saw, before any merge changed the registry person.
 *
 * @example
 * for (const line of explainMisses({ db, truthFile, runId, missed: evaluation.missed })) console.log(line);
 * // 'not blocked  [typo ids_dropped moved] Lèo Thị Hiê 1977-12-13 ~ Lèo Thị Hiên 1977-12-13'
 */
import Database from 'better-sqlite3';
import { linkPairs } from '../../src/match/engine/blocking-rule.js';
import { explainPair, renderExplanation } from '../../src/match/engine/explain.js';
import { HOKHAU_LIBRARY } from '../../src/match/engine/hokhau-model.js';
import { parseModel, resolveModel } from '../../src/match/engine/model.js';
import type { PersonValues } from '../../src/normalize/person-values.js';
import type { BatchEvaluation } from './evaluate-batch.js';
import { readTruth } from './evaluate-batch.js';

export function explainMisses(o: { db: string; truthFile: string; runId: string; missed: BatchEvaluation['missed'] }): string[] {
  const sqlite = new Database(o.db, { readonly: true });
  try {
    const modelJson = sqlite.prepare('SELECT match_model_json FROM import_runs WHERE id = ?').pluck().get(o.runId) as string | null;
    if (!modelJson) return ['(the batch run saved no model: nothing to replay)'];
    const model = resolveModel<PersonValues>(parseModel(modelJson), HOKHAU_LIBRARY);
    const truth = readTruth(o.truthFile);
    const valuesOf = new Map<string, PersonValues>();
    const wanted = new Set(o.missed.map((m) => m.entity));
    for (const r of sqlite.prepare('SELECT file_name, row_no, normalized_json FROM source_records WHERE normalized_json IS NOT NULL').iterate() as Iterable<{ file_name: string; row_no: number; normalized_json: string }>) {
      const key = `${r.file_name}:${r.row_no}`;
      const t = truth.get(key);
      if (t && wanted.has(t.entity) && (t.side === 'registry' || o.missed.some((m) => m.row === key))) valuesOf.set(key, JSON.parse(r.normalized_json) as PersonValues);
    }
    const registryRowOf = new Map([...truth].filter(([, t]) => t.side === 'registry' && wanted.has(t.entity)).map(([row, t]) => [t.entity, row]));
    const show = (p: PersonValues) => `${p.full_name} ${p.birth_date ?? '—'} sổ ${p.household_book_no ?? '—'}`;
    return o.missed.map((m) => {
      const a = valuesOf.get(m.row);
      const b = valuesOf.get(registryRowOf.get(m.entity) ?? '');
      if (!a || !b) return `no values        [${m.corruptions.join(' ')}] ${m.row}`;
      const blocked = linkPairs(model.blockingRules, [a], [b]).left.length > 0;
      const e = explainPair(model, a, b);
      const why = blocked ? `scored ${e.weight.toFixed(1).padStart(5)}` : 'not blocked ';
      return `${why}  [${m.corruptions.join(' ')}] ${show(a)} ~ ${show(b)} (${m.outcome}): ${renderExplanation(e, 'en')}`;
    });
  } finally {
    sqlite.close();
  }
}
