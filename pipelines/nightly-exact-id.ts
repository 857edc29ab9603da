import type { PipelineDefinition } from '../src/pipeline/pipeline-definition.js';
import { nightly } from './nightly.js';

/**
 * The nightly import that merges only on the same valid personal ID: nothing else merges and nothing goes to
 * duplicate review. The matcher before issue 5; about twice as fast to build a large test registry with.
 */
export const nightlyExactId: PipelineDefinition = {
  ...nightly,
  name: 'nightly-exact-id',
  description: 'Nhập hằng đêm, chỉ gộp khi cùng số định danh hợp lệ (nightly import, exact personal-ID matching only)',
  matching: { method: 'exact_id' },
};
