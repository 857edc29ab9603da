/**
 * Book pages scanned one file per page ("so-110234567/trang-01.png", "trang-02.png"…): a member page belongs to
 * the household page before it, which may sit in the previous file of the same folder. Files are read in
 * parallel, but each file's records are assembled in file order, after the previous file of its folder handed
 * over the household it ended with.
 *
 * @example
 * const slot = books.enter('/inbox/so-110234567'); // in file order, before any await
 * const before = await slot.before;               // household the previous file ended with (or null)
 * slot.settle(lastHouseholdOfThisFile ?? before); // always, even when the file fails (finally)
 */
export class BookContexts<T> {
  readonly #last = new Map<string, Promise<T | null>>();

  enter(folder: string): { before: Promise<T | null>; settle: (context: T | null) => void } {
    const before = this.#last.get(folder) ?? Promise.resolve(null);
    let settle!: (context: T | null) => void;
    const after = new Promise<T | null>((resolve) => (settle = resolve));
    this.#last.set(folder, after);
    return { before, settle };
  }
}
