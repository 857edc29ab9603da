/**
 * What a pipeline declares: the settings a province's nightly run uses. Stages are wired in run-import.ts.
 *
 * @example
 * const p: PipelineDefinition = { name: 'nightly', description: '…', province: 'Điện Biên', provinceCode: '11', defaultNationality: 'Việt Nam',
 *   matchThresholds: { merge: 10, review: 0 } };
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
  /** Match weight (log2 odds) at or above which a pair merges automatically, and at or above which a person decides. */
  matchThresholds: { merge: number; review: number };
}
