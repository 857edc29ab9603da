import type { PipelineDefinition } from '../src/pipeline/pipeline-definition.js';

/** The default nightly import of Điện Biên's household spreadsheets and scanned books. */
export const nightly: PipelineDefinition = {
  name: 'nightly',
  description: 'Nhập hằng đêm sổ hộ khẩu, ghép trùng theo xác suất (nightly import with probabilistic matching)',
  province: 'Điện Biên',
  provinceCode: '11',
  defaultNationality: 'Việt Nam',
  // The Fellegi–Sunter matcher (src/match/engine) with household evidence, guards and reviewers' earlier decisions.
  // `npm run bench:match` at merge 10 / review 0: automatic merges ≥ 99.99% right, ≥ 99.4% of duplicates found with
  // review, review ≤ 4.6% of incoming at 50k, 250k and 1M registry persons (targets 99.9% / 99% / 5%); 100k rows
  // against 1M persons take 125–140 s on 2 cores. `nightly-exact-id` merges on the same valid personal ID only.
  matching: { method: 'probabilistic', thresholds: { merge: 10, review: 0 } },
};
