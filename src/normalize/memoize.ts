/**
 * Remembers a pure function's answers by its string argument, in a bounded map (cleared when full, so memory
 * stays flat on a 1M-row night). For values that repeat across rows and files: syllables, header labels,
 * ethnicity and relation spellings. Callers must not mutate what it returns.
 *
 * @example
 * const foldOnce = memoize(fold);
 * foldOnce('Họ và tên'); // computed; the next call with the same label is a map lookup
 */
export function memoize<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined && !cache.has(key)) {
      hit = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, hit);
    }
    return hit as T;
  };
}
