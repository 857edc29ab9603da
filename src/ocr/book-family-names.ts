import { boundedEditDistance } from '../normalize/address/edit-distance.js';
import { foldKey, toneKey } from '../normalize/vietnamese-text.js';

/**
 * The family names a household book's members were read with, surely, so far: a member page whose family name
 * was read unsure and only a mark or a letter away from one of them most likely says that one (Quảng or Quờng
 * Thị Ngọc in a book of Quàng). A wife or a mother keeps her own family name, and it is far from her husband's
 * (Lò, Quàng); one a letter away from the book's (Lô in a book of Lò) is the rare case a reviewer corrects.
 *
 * @example
 * const book = new BookFamilyNames();
 * book.add('Quàng Văn Pấng');
 * book.guess('Quảng Thị Ngọc'); // 'Quàng Thị Ngọc'
 * book.guess('Lò Thị Ín');      // null (far from Quàng: her own family name)
 */
export class BookFamilyNames {
  /** Tone-keyed family name → its spelling as read. */
  readonly #names = new Map<string, string>();

  /** Counts a member's name read surely. */
  add(name: string | undefined): void {
    const family = familyOf(name);
    if (family !== null) this.#names.set(toneKey(family), family);
  }

  /**
   * The name with its family name put right, when it is none of the book's and exactly one of them is a mark
   * or (for three letters or more) one letter away; null otherwise.
   */
  guess(name: string | undefined): string | null {
    const family = familyOf(name);
    if (family === null || this.#names.has(toneKey(family))) return null;
    const folded = foldKey(family);
    const near = [...this.#names.values()].filter((known) => {
      const other = foldKey(known);
      return other === folded || (Math.min(other.length, folded.length) >= 3 && boundedEditDistance(folded, other, 1) <= 1);
    });
    return near.length === 1 ? `${near[0]}${name!.trim().slice(family.length)}` : null;
  }
}

/** The first word of a name of two words or more, when it is all letters. */
function familyOf(name: string | undefined): string | null {
  const words = name?.trim().split(/\s+/) ?? [];
  return words.length >= 2 && /^\p{L}+$/u.test(words[0]) ? words[0] : null;
}
