/**
 * What a pipeline declares: the settings a province's nightly run uses. Stages are wired in run-import.ts.
 *
 * @example
 * const p: PipelineDefinition = { name: 'nightly', description: '…', province: 'Điện Biên', provinceCode: '11', defaultNationality: 'Việt Nam',
 *   matching: { method: 'exact_id' } };
 */
export interface PipelineDefinition {
  name: string;
  /** Vietnamese first, English in brackets. */
  description: string;
  /** The province assumed when an address names none. */
  province: string;
  /** Its statistics-office code (the same before and after 2025 for Điện Biên: '11'). */
  provinceCode: string;
  /** Nationality of a record that names none. */
  defaultNationality: string;
  /**
   * How incoming people are matched to the registry: `exact_id` (the same valid personal ID is the same person,
   * nothing else merges), or `probabilistic` (the Fellegi–Sunter model; thresholds in match weight, log2 odds:
   * at or above `merge` automatic, at or above `review` a person decides).
   */
  matching: { method: 'exact_id' } | { method: 'probabilistic'; thresholds: { merge: number; review: number } };
}
