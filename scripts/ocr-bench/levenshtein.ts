/**
 * Edit distance between two strings, counted in Unicode code points after NFC (so "ệ" is one character, as a
 * reader counts it, whether it was typed precomposed or as e + two marks).
 *
 * @example
 * levenshtein('Nguyễn Văn An', 'Nguyen Văn An'); // 1
 * levenshtein('', 'Mông');                       // 4
 */
export function levenshtein(a: string, b: string): number {
  const s = [...a.normalize('NFC')];
  const t = [...b.normalize('NFC')];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length];
}

/** The text a CER is measured on: NFC, runs of white space as one space, trimmed. */
export function cerText(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Characters of the text a CER counts (code points of {@link cerText}). */
export function cerLength(text: string | null | undefined): number {
  return [...cerText(text)].length;
}
