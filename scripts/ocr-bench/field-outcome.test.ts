import { describe, expect, it } from 'vitest';
import { calibrate, replayThresholds, summarizeFields } from './accuracy-summary.js';
import { flaggedFields, isSilentError, scoreField, type FieldOutcome } from './field-outcome.js';
import type { ScoredField } from './field-compare.js';

const today = new Date('2025-06-01');
const page = (field: ScoredField, truth: string) => ({ level: 'moderate' as const, file: 'moderate/so-851811258/trang-03.jpg', kind: 'member' as const, field, truth });
const quiet = { flagged: false, flaggedByCheck: false };
const reviewed = { flagged: true, flaggedByCheck: false };

describe('flaggedFields', () => {
  it.each<[string, 'review' | 'reject' | 'warning', ScoredField[]]>([
    ['address', 'review', ['address', 'hamlet', 'commune', 'district', 'province']],
    ['personal_id', 'review', ['personal_id', 'old_id', 'id_any']],
    ['id_any', 'review', ['personal_id', 'old_id', 'id_any']],
    ['birth_year', 'review', ['birth_date']],
    ['given_name', 'review', ['full_name']],
    ['religion', 'review', ['religion']],
    ['religion', 'warning', []], // nobody has to look at a warning
  ])('%s (%s) covers %j', (field, severity, covered) => {
    expect([...flaggedFields([{ field, severity }])].sort()).toEqual([...covered].sort());
  });

  it('a record-level issue covers every field', () => {
    expect(flaggedFields([{ field: 'record', severity: 'reject' }]).has('occupation')).toBe(true);
  });
});

describe('scoreField and silent errors', () => {
  it('a confident wrong reading nobody reviews is silent', () => {
    const o = scoreField(page('sex', 'Nữ'), { read: 'Nam', ocrText: 'Nam', confidence: 0.93 }, quiet, today);
    expect(o).toMatchObject({ correct: false, edits: 2, truthChars: 2 });
    expect(isSilentError(o)).toBe(true);
  });

  it('a wrong reading sent to review is not silent; a right one never is', () => {
    const wrong = scoreField(page('full_name', 'Giàng A Lềnh'), { read: 'Giàng A Lồnh', ocrText: 'Giàng A Lồnh', confidence: 0.8 }, reviewed, today);
    const right = scoreField(page('birth_date', '26/02/1976'), { read: '26/02/1976', ocrText: '26/O2/1976', confidence: 0.9 }, quiet, today);
    expect([isSilentError(wrong), isSilentError(right)]).toEqual([false, false]);
    expect([right.edits, right.ocrEdits]).toEqual([0, 1]);
  });

  it('a field not read is a miss with no confidence, costing every truth character', () => {
    const o = scoreField(page('relation_to_head', 'Chủ hộ'), { read: ' ', ocrText: null, confidence: 0.9 }, quiet, today);
    expect(o).toMatchObject({ read: null, confidence: null, correct: false, edits: 6 });
    expect(isSilentError(o)).toBe(true);
  });
});

describe('summaries', () => {
  const outcomes: FieldOutcome[] = [
    scoreField(page('full_name', 'Lò Văn Pánh'), { read: 'Lò Văn Pánh', ocrText: 'Lò Văn Pánh', confidence: 0.95 }, quiet, today),
    scoreField(page('sex', 'Nữ'), { read: 'Nam', ocrText: 'Nam', confidence: 0.93 }, quiet, today),
    scoreField(page('birthplace', 'Điện Biên'), { read: 'Điện Biện', ocrText: 'Điện Biện', confidence: 0.63 }, reviewed, today),
    scoreField(page('religion', 'Không'), { read: null, ocrText: null, confidence: null }, quiet, today),
  ];

  it('sums CER over fields, accuracy and silent rate over all truth fields', () => {
    const s = summarizeFields(outcomes);
    expect(s).toMatchObject({ fields: 4, correct: 1, missing: 1, silent: 2, flagged: 1, edits: 0 + 2 + 1 + 5, truthChars: 11 + 2 + 9 + 5 });
    expect(s.accuracy).toBe(0.25);
    expect(s.silentRate).toBe(0.5);
  });

  it('buckets right and wrong fields by confidence', () => {
    const c = calibrate(outcomes);
    expect(c.labels).toEqual(['<0.5', '0.5–0.7', '0.7–0.8', '0.8–0.9', '≥0.9', 'missing']);
    expect(c.right).toEqual([0, 0, 0, 0, 1, 0]);
    expect(c.wrong).toEqual([0, 1, 0, 0, 1, 1]);
    expect(c.wrongSilent).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('replays the low-confidence threshold: raising it catches the 0.93 misread, never the missing field', () => {
    const [at80, at95] = replayThresholds(outcomes, [0.8, 0.95]);
    expect(at80).toMatchObject({ silent: 2, reviewShare: 0.25 });
    expect(at95).toMatchObject({ silent: 1, reviewShare: 0.5 });
  });
});

describe('threshold replay with a covering confidence', () => {
  it('a hamlet missed on a page whose address was doubtful is caught at the address confidence', () => {
    const hamlet = scoreField({ ...page('hamlet', 'Bản Sáng Tớ'), kind: 'household' }, { read: null, ocrText: null, confidence: null },
      { flagged: true, flaggedByCheck: false, reviewConfidence: 0.71 }, today);
    expect(replayThresholds([hamlet], [0.7, 0.8]).map((r) => r.silent)).toEqual([1, 0]);
  });
});
