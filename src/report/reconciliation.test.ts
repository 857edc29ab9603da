import { describe, expect, it } from 'vitest';
import { checkReconciliation, sumFiles, type FileReconciliation } from './reconciliation.js';

function file(counts: Partial<FileReconciliation>): FileReconciliation {
  return { name: 'a.csv', path: '/a.csv', sha256: 'x', kind: 'csv', status: 'loaded', error: null,
    records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0, ...counts };
}

describe('reconciliation', () => {
  it('sums file counts', () => {
    const files = [file({ records_in: 3, new: 2, rejected: 1 }), file({ records_in: 2, merged: 1, flagged: 1 })];
    expect(sumFiles(files)).toEqual({ records_in: 5, new: 2, merged: 1, flagged: 1, rejected: 1 });
  });

  it('balances when every record has an outcome', () => {
    const files = [file({ records_in: 3, new: 2, rejected: 1 })];
    expect(checkReconciliation({ ...sumFiles(files), files })).toEqual([]);
  });

  it('reports a record without an outcome, for the run and the file', () => {
    const files = [file({ name: 'b.xlsx', records_in: 4, new: 2, rejected: 1 })];
    const problems = checkReconciliation({ ...sumFiles(files), files });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain('b.xlsx');
  });
});
