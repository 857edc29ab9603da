/**
 * Global Otsu threshold. After flat-fielding the paper is uniformly white, so one threshold for the page works
 * as well as a local (Sauvola) one at a fraction of the cost.
 *
 * @example
 * const { ink, threshold } = binarize(flat, histogram); // ink: Uint8Array, 1 = ink
 */
export function otsuThreshold(histogram: ArrayLike<number>): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += histogram[v]!;
    sum += v * histogram[v]!;
  }
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 255; t++) {
    weightBelow += histogram[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sum - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * 1 where the pixel is ink (≤ threshold). The threshold is Otsu's over `histogram` (the page's, which the
 * flat-field pass already counted), kept within 100…220 so a near-blank page does not turn its noise to ink.
 */
export function binarize(gray: Uint8Array, histogram: ArrayLike<number>): { ink: Uint8Array; threshold: number } {
  const threshold = Math.max(100, Math.min(220, otsuThreshold(histogram)));
  const ink = new Uint8Array(gray.length);
  // Four pixels at a time, two in each 16-bit half of a 32-bit word: a pixel above the threshold carries a bit
  // out of its byte when 255 − threshold is added to it.
  const words = gray.byteOffset % 4 === 0 ? gray.length >> 2 : 0;
  const grayWords = new Uint32Array(gray.buffer, gray.byteOffset, words);
  const inkWords = new Uint32Array(ink.buffer, 0, words);
  const lift = (255 - threshold) * 0x00010001;
  for (let i = 0; i < words; i++) {
    const w = grayWords[i]!;
    const above = ((((w & 0x00ff00ff) + lift) >>> 8) & 0x00010001) | ((((w >>> 8) & 0x00ff00ff) + lift) & 0x01000100);
    inkWords[i] = ~above & 0x01010101;
  }
  for (let i = words * 4; i < gray.length; i++) ink[i] = gray[i]! <= threshold ? 1 : 0;
  return { ink, threshold };
}
