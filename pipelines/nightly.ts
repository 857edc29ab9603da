import type { PipelineDefinition } from '../src/pipeline/pipeline-definition.js';

/** The default nightly import of Điện Biên's household spreadsheets. */
export const nightly: PipelineDefinition = {
  name: 'nightly',
  description: 'Nhập hằng đêm sổ hộ khẩu dạng bảng tính (nightly import of household spreadsheets)',
  province: 'Điện Biên',
  provinceCode: '11',
  defaultNationality: 'Việt Nam',
  // Automatic merges must almost never join two people: only strong evidence (log2 odds ≥ 10) merges alone.
  matchThresholds: { merge: 10, review: 0 },
};
