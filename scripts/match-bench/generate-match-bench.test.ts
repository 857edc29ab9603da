import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateMatchBench } from './generate-match-bench.js';
import { readTruth } from './evaluate-batch.js';

describe('generateMatchBench', () => {
  it('writes a registry, a batch with 30% duplicates, and a truth that names every row; no identifier is shared by accident', () => {
    const dir = mkdtempSync(join(tmpdir(), 'match-bench-test-'));
    try {
      const s = generateMatchBench({ seed: 3, registry: 3000, incoming: 1000, duplicateShare: 0.3, outDir: dir, rowsPerFile: 500 });
      expect(s).toMatchObject({ registryRows: 3000, incomingRows: 1000, duplicates: 300 });
      const truth = readTruth(join(dir, 'truth.csv'));
      const rowsBySide = { registry: 0, incoming: 0 };
      const entityOfId = new Map<string, string>();
      const registryEntities = new Set<string>();
      for (const side of ['registry', 'incoming'] as const) {
        for (const file of readdirSync(join(dir, side))) {
          const rows = Papa.parse<string[]>(readFileSync(join(dir, side, file), 'utf8').trimEnd()).data.slice(1);
          for (const [i, cells] of rows.entries()) {
            const t = truth.get(`${file}:${i + 2}`)!;
            expect(t.side).toBe(side);
            rowsBySide[side]++;
            if (side === 'registry') registryEntities.add(t.entity);
            // A personal ID or CMND on two rows belongs to one entity (a duplicate copies it, nothing else may).
            for (const id of [cells[4], cells[5]].filter(Boolean)) {
              const owner = entityOfId.get(id);
              if (owner !== undefined && t.corruptions.every((c) => c !== 'personal_id_typo')) expect(owner).toBe(t.entity);
              entityOfId.set(id, t.entity);
            }
          }
        }
      }
      expect(rowsBySide).toEqual({ registry: 3000, incoming: 1000 });
      const incoming = [...truth.values()].filter((t) => t.side === 'incoming');
      expect(incoming.filter((t) => t.kind === 'duplicate').every((t) => registryEntities.has(t.entity))).toBe(true);
      expect(incoming.filter((t) => t.kind !== 'duplicate').some((t) => registryEntities.has(t.entity))).toBe(false);
      expect(incoming.filter((t) => t.kind === 'namesake').length).toBeGreaterThan(50);
      expect(readFileSync(join(dir, 'truth.csv'), 'utf8')).toBe(
        (generateMatchBench({ seed: 3, registry: 3000, incoming: 1000, duplicateShare: 0.3, outDir: join(dir, 'again'), rowsPerFile: 500 }),
        readFileSync(join(dir, 'again', 'truth.csv'), 'utf8')),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('distinctNames', () => {
  it('renames a later household member who repeats an earlier name, keeping family and middle names', async () => {
    const { distinctNames } = await import('./registry-source.js');
    const { Rng } = await import('../synthetic/prng.js');
    const row = { fullName: 'Bạc Văn Hặc', birthDate: '2001', sex: 'M' as const, ethnicity: 'Thái', personalId: null, oldId: null, bookNo: '257177156', relation: 'Con', address: 'Thôn 1', otherName: null };
    const out = distinctNames([row, { ...row, birthDate: '2003' }, { ...row, fullName: 'Bạc Thị Ún', sex: 'F' }], new Rng(5));
    expect(out[0].fullName).toBe('Bạc Văn Hặc');
    expect(out[1].fullName).not.toBe('Bạc Văn Hặc');
    expect(out[1].fullName.startsWith('Bạc Văn ')).toBe(true);
    expect(out[2].fullName).toBe('Bạc Thị Ún');
  });
});
