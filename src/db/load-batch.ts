import type { Transaction } from 'kysely';
import type { MatchResult, RegistryCandidate } from '../match/match-decision.js';
import { insertFileRow } from './file-ledger.js';
import { findCandidates, findHouseholdMembers, type CandidateKey } from './find-candidates.js';
import { countOutcomes, type FileIdentity, type LoadRecord } from './load-records.js';
import type { Registry } from './open-registry.js';
import type { RegistrySchema } from './schema.js';
import { writePersons } from './write-persons.js';
import { writeMatchReviews } from './write-match-reviews.js';
import { writeProvenance } from './write-provenance.js';

type Trx = Transaction<RegistrySchema>;

/** A file ready to load: normalized records whose match is decided against the registry as the batch finds it. */
export interface BatchFile {
  identity: FileIdentity;
  /** Sheets of the file that were rejected whole (Vietnamese), kept on its ledger row. */
  fileError: string | null;
  records: readonly UndecidedRecord[];
}

export type UndecidedRecord = Omit<LoadRecord, 'decision'> & { outcome: 'ok' | 'review' | 'reject' };

/**
 * Match policy, supplied by the pipeline: decisions for a file's records given the registry persons blocking found,
 * or a request for the households of some of them first (the decisions follow from their members).
 */
export type DecideMatches = (records: readonly UndecidedRecord[], candidates: readonly RegistryCandidate[]) => MatchResult[] | HouseholdRequest;

/** Decisions that need the persons of the households of `householdsOf` (registry person ids) first. */
export interface HouseholdRequest {
  householdsOf: readonly number[];
  finish(members: readonly RegistryCandidate[]): MatchResult[];
}

class DryRunRollback extends Error {}

/**
 * Loads a batch of files in one transaction: per file, in order, its match decisions (earlier files of the batch
 * are already visible), its ledger row, households, persons (new, flagged, merged), memberships, provenance and
 * quarantine. A crash loses only the batch; its files are marked loaded in the same transaction, so a rerun redoes
 * exactly the files that did not finish. With `dryRun`, the same work is done and rolled back.
 *
 * @example
 * const [records] = await loadBatch(registry, runId, [file], decideExactIdMatches, { dryRun: false });
 */
export async function loadBatch(
  registry: Pick<Registry, 'db' | 'bulkInsert' | 'readRows'>,
  runId: string,
  files: readonly BatchFile[],
  decide: DecideMatches,
  options: { dryRun: boolean; pipeline: string; candidateKeys: readonly CandidateKey[] },
): Promise<LoadRecord[][]> {
  const loaded: LoadRecord[][] = [];
  try {
    await registry.db.transaction().execute(async (trx) => {
      if (options.dryRun) await insertDryRunRow(trx, runId, options.pipeline);
      for (const file of files) {
        const incoming = file.records.flatMap((r) => (r.values && r.outcome !== 'reject' ? [{ values: r.values, keys: r.keys }] : []));
        const source = { db: trx, readRows: registry.readRows };
        const candidates = await findCandidates(source, incoming, options.candidateKeys);
        const first = decide(file.records, candidates);
        const decided = Array.isArray(first)
          ? first
          : first.finish(await findHouseholdMembers(source, first.householdsOf, options.candidateKeys.includes('decisions'), new Set(candidates.map((c) => c.personId))));
        const records = file.records.map((r, i) => ({ ...r, decision: decided[i].decision }));
        const fileId = await insertFileRow(trx, runId, file.identity, 'loaded', file.fileError, countOutcomes(records));
        const personIds = await writePersons(trx, registry.bulkInsert, runId, file.identity.sha256, records);
        const sourceIds = await writeProvenance(trx, registry.bulkInsert, runId, fileId, file.identity.name, records, personIds);
        records.forEach((record, i) => (record.sourceRecordId = sourceIds[i]));
        await writeMatchReviews(trx, registry.bulkInsert, runId, decided, personIds);
        loaded.push(records);
      }
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return loaded;
}

/** A dry run writes under a run row of its own, rolled back with everything else. */
async function insertDryRunRow(trx: Trx, runId: string, pipeline: string): Promise<void> {
  await trx
    .insertInto('import_runs')
    .values({ id: runId, pipeline, out_dir: '', started_at: new Date().toISOString(), finished_at: null, status: 'running', gazetteer_version: null, match_model_json: null,
      records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, error: null })
    .execute();
}
