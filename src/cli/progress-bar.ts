import type { ImportProgress } from '../pipeline/run-import.js';

/**
 * A one-line progress bar for a terminal (stderr), redrawn in place.
 *
 * @example
 * runImport({ …, onProgress: progressBar(process.stderr) })
 */
export function progressBar(stream: NodeJS.WriteStream): (progress: ImportProgress) => void {
  return ({ filesDone, filesTotal, records, file }) => {
    const width = 24;
    const filled = filesTotal === 0 ? width : Math.round((filesDone / filesTotal) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${bar} ${filesDone}/${filesTotal} tệp · ${records} bản ghi${file ? ` · ${file}` : ''}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 100) - 1).padEnd(Math.min(stream.columns ?? 100, 100) - 1)}`);
    if (file === null) stream.write('\n');
  };
}
