/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), giving up past `max`.
 * Typos in commune names are one or two keystrokes; anything further is a different name.
 *
 * @example
 * boundedEditDistance('thanhxuong', 'thanhxoung', 2); // 1 (transposition)
 * boundedEditDistance('muongphang', 'muongnhe', 2);   // 3 (over the bound: max + 1)
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  const over = max + 1;
  if (Math.abs(m - n) > max) return over;
  if (max <= 0) return a === b ? 0 : over;
  // Three rows of one reused buffer, and only the diagonal band |i - j| <= max: cells outside it are over
  // the bound anyway. This runs against hundreds of names per typo, so it must not allocate.
  const w = n + 1;
  if (rows.length < 3 * w) rows = new Int32Array(6 * w);
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= n; j++) rows[prev + j] = j <= max ? j : over;
  for (let i = 1; i <= m; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < n ? i + max : n;
    const edge = lo === 1 ? (i < over ? i : over) : over;
    rows[cur + lo - 1] = edge;
    let rowMin = edge;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = rows[prev + j - 1] + (ai === bj ? 0 : 1);
      const del = rows[prev + j] + 1;
      if (del < v) v = del;
      const ins = rows[cur + j - 1] + 1;
      if (ins < v) v = ins;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) {
        const tr = rows[prev2 + j - 2] + 1;
        if (tr < v) v = tr;
      }
      if (v > over) v = over;
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) rows[cur + hi + 1] = over;
    if (rowMin > max) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + n] < over ? rows[prev + n] : over;
}

let rows = new Int32Array(3 * 64);

/** How many edits a name of this (compact key) length may carry and still be the same name. */
export function allowedEdits(keyLength: number): number {
  if (keyLength >= 10) return 2;
  if (keyLength >= 5) return 1;
  return 0;
}
