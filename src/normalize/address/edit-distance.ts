/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), giving up past `max`.
 * Typos in commune names are one or two keystrokes; anything further is a different name.
 *
 * @example
 * boundedEditDistance('thanhxuong', 'thanhxoung', 2); // 1 (transposition)
 * boundedEditDistance('muongphang', 'muongnhe', 2);   // 3 (over the bound: max + 1)
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n], max + 1);
}

/** How many edits a name of this (compact key) length may carry and still be the same name. */
export function allowedEdits(keyLength: number): number {
  if (keyLength >= 10) return 2;
  if (keyLength >= 5) return 1;
  return 0;
}
