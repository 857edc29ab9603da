/**
 * Why a pair scored what it did: each comparison's level, its label and its weight, in words a reviewer reads
 * ("cùng số định danh +12.1; ngày sinh khác −4.0").
 */
import type { Label } from './comparison.js';
import { comparisonWeight, levelWeights, matchProbability, priorWeight, type Decision } from './fellegi-sunter.js';
import { brokenGuards } from './guard.js';
import type { ResolvedModel } from './model.js';
import { levelIndex } from './comparison.js';
import type { TermFrequencies } from './term-frequency.js';

export interface ExplanationPart {
  comparison: string;
  level: string;
  label: Label;
  /** Contribution in bits (log2 Bayes factor), TF adjustment included; 0 for a null level. */
  weight: number;
  isNull: boolean;
}

export interface PairExplanation {
  weight: number;
  probability: number;
  decision: Decision;
  prior: number;
  parts: ExplanationPart[];
  /** Guards the pair breaks (it is then never merged automatically). */
  guards: Label[];
}

/**
 * Scores one pair of records and says why.
 *
 * @example
 * renderExplanation(explainPair(model, a, b)); // 'cùng số định danh +16.6; họ tên giống khi bỏ dấu +9.1; ngày sinh khác −4.0'
 */
export function explainPair<R>(model: ResolvedModel<R>, a: R, b: R, tf?: TermFrequencies): PairExplanation {
  const table = levelWeights(model);
  const prior = priorWeight(model);
  const parts = model.comparisons.map((comparison, c): ExplanationPart => {
    const fa = comparison.prepare(a);
    const fb = comparison.prepare(b);
    const k = levelIndex(comparison, fa, fb);
    const level = comparison.levels[k];
    return { comparison: comparison.name, level: level.key, label: level.label, weight: comparisonWeight(model, table, tf, c, k, fa, fb), isNull: level.isNull === true };
  });
  const weight = parts.reduce((s, p) => s + p.weight, prior);
  const guards = brokenGuards(model.guards, a, b).map((g) => g.label);
  const { merge, review } = model.spec.thresholds;
  let decision: Decision = weight >= merge ? 'merge' : weight >= review ? 'review' : 'distinct';
  if (decision === 'merge' && guards.length > 0) decision = 'review';
  return { weight, probability: matchProbability(weight), decision, prior, parts, guards };
}

/**
 * One line for a reviewer: non-null comparisons, strongest first, then any guard. Uses the true minus sign.
 *
 * @example
 * renderExplanation(e, 'vi'); // 'cùng số định danh +12.1; ngày sinh khác −4.0; không tự gộp: khác giới tính'
 * renderExplanation(e, 'en'); // 'same personal ID +12.1; birth date differs −4.0; not merged automatically: different sex'
 */
export function renderExplanation(explanation: PairExplanation, language: 'vi' | 'en' = 'vi'): string {
  const parts = explanation.parts
    .filter((p) => !p.isNull)
    .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight))
    .map((p) => `${p.label[language]} ${formatWeight(p.weight)}`);
  if (explanation.guards.length > 0) {
    const head = language === 'vi' ? 'không tự gộp' : 'not merged automatically';
    parts.push(`${head}: ${explanation.guards.map((g) => g[language]).join(', ')}`);
  }
  return parts.join('; ');
}

/** +12.1 / −4.0 (U+2212, as printed for people). */
export function formatWeight(weight: number): string {
  const text = Math.abs(weight).toFixed(1);
  return weight < 0 && text !== '0.0' ? `\u2212${text}` : `+${text}`;
}
