import type { PipelineDefinition } from '../src/pipeline/pipeline-definition.js';
import { nightly } from './nightly.js';

/** The probabilistic pipeline's earlier name, now the same as `nightly`: crontabs that name it keep working. */
export const nightlyProbabilistic: PipelineDefinition = {
  ...nightly,
  name: 'nightly-probabilistic',
  description: 'Như nightly (tên cũ) (same as nightly, its earlier name)',
};
