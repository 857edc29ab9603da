/**
 * A small seeded PRNG (mulberry32) with the helpers the generator needs. Same seed → same sequence on every
 * platform, which is what makes fixtures reproducible byte for byte.
 *
 * @example
 * const rng = new Rng(7);
 * rng.pick(['Lò', 'Quàng', 'Cầm']); // always the same family name for seed 7
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed once so that seeds 1, 2, 3… do not start with correlated outputs.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x27d4eb2f) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `weighted([['Kinh', 3], ['Thái', 5]])`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** n random decimal digits as a string (leading zeros kept). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** A child generator whose sequence depends only on this one's next value (keeps sub-tasks independent). */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }
}
