// One measured import, in its own process so peak RSS is the import's alone. Prints one JSON line.
import { runImport } from '../src/pipeline/run-import.js';

const [inbox, db, out] = process.argv.slice(2);
const started = performance.now();
const { report } = await runImport({ paths: [inbox], dbUrl: db, outDir: out, pipeline: 'nightly', dryRun: false });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({ seconds, records: report.records_in, status: report.status, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
