import { nightly } from '../../pipelines/nightly.js';
import { nightlyExactId } from '../../pipelines/nightly-exact-id.js';
import { nightlyProbabilistic } from '../../pipelines/nightly-probabilistic.js';
import { UsageError } from '../errors.js';
import type { PipelineDefinition } from './pipeline-definition.js';

export const PIPELINES: readonly PipelineDefinition[] = [nightly, nightlyExactId, nightlyProbabilistic];

/**
 * The pipeline a `--pipeline` name refers to; a usage error listing the known ones otherwise.
 *
 * @example
 * findPipeline('nightly').province // 'Điện Biên'
 */
export function findPipeline(name: string): PipelineDefinition {
  const found = PIPELINES.find((p) => p.name === name);
  if (!found) {
    const known = PIPELINES.map((p) => p.name).join(', ');
    throw new UsageError(`Không có quy trình "${name}"; các quy trình có: ${known} (unknown pipeline)`);
  }
  return found;
}
