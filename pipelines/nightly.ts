import type { PipelineDefinition } from '../src/pipeline/pipeline-definition.js';

/** The default nightly import of Điện Biên's household spreadsheets and scanned books. */
export const nightly: PipelineDefinition = {
  name: 'nightly',
  description: 'Nhập hằng đêm sổ hộ khẩu, ghép trùng theo xác suất (nightly import with probabilistic matching)',
  province: 'Điện Biên',
  provinceCode: '11',
  defaultNationality: 'Việt Nam',
  // The Fellegi–Sunter matcher (src/match/engine) with household evidence, guards and reviewers' earlier decisions.
  // `npm run bench:match` 50k/10k at merge 11 / review 0: automatic merges 2686/2686 right, 99.43% of duplicates found
  // with review, review 3.96% of incoming (targets 99.9% / 99% / 5%), and building the 50k registry itself merges no
  // two different people (at merge 10 it merged 2 pairs of namesakes born the same day). `nightly-exact-id` merges on
  // the same valid personal ID only.
  matching: { method: 'probabilistic', thresholds: { merge: 11, review: 0 } },
};
