import { runImport } from '../src/pipeline/run-import.js';
const t0 = performance.now();
let last = t0; let n = 0;
await runImport({ paths: ['/tmp/b100/inbox'], dbUrl: '/tmp/b100/t.sqlite', outDir: '/tmp/b100/tout', pipeline: 'nightly', dryRun: false,
  onProgress: (p) => { const now = performance.now(); if (n++ % 100 === 0) console.log(p.filesDone, (now - t0).toFixed(0), (now-last).toFixed(1)); last = now; } });
console.log('total', (performance.now() - t0).toFixed(0));
