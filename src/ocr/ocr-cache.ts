import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrPage } from './ocr-types.js';
import { PREPROCESS_VERSION } from './preprocess-page.js';
import { VIETNAMESE_MODEL } from './tesseract-pool.js';

/** Names the preprocessing and model behind cached readings (word boxes are in preprocessed geometry). */
export const OCR_CACHE_VERSION = `preprocess-${PREPROCESS_VERSION}+vie-${VIETNAMESE_MODEL}-lstm+psm-4+reread-9`;

/**
 * What tesseract read on a page, kept on disk by the sha256 of the page image, so a rerun (a file that changed,
 * a run that was interrupted) never reads the same page twice. `version` names the preprocessing and the model:
 * change it and old entries are simply not found.
 *
 * @example
 * const cache = new OcrCache('data/ocr-cache', OCR_CACHE_VERSION);
 * const key = cache.key(pageBytes);
 * const page = (await cache.get(key)) ?? (await cache.put(key, await pool.recognize(png, size)));
 */
export class OcrCache {
  constructor(
    readonly dir: string | null,
    private readonly version: string,
  ) {}

  key(pageImage: Uint8Array): string {
    return createHash('sha256').update(this.version).update('\0').update(pageImage).digest('hex');
  }

  async get(key: string): Promise<OcrPage | null> {
    if (!this.dir) return null;
    try {
      return JSON.parse(await readFile(this.#path(key), 'utf8')) as OcrPage;
    } catch {
      return null; // missing, or a half-written file from a crash: read the page again
    }
  }

  async put(key: string, page: OcrPage): Promise<OcrPage> {
    if (!this.dir) return page;
    const path = this.#path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(page));
    await rename(temp, path); // whole or nothing, even if the night is cut short
    return page;
  }

  #path(key: string): string {
    return join(this.dir!, key.slice(0, 2), `${key}.json`);
  }
}
