// Worker thread: extract and normalize one file at a time for the main thread, which only loads.
import { parentPort, workerData } from 'node:worker_threads';
import { buildGazetteerIndex } from '../normalize/address/gazetteer-index.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';
import type { DiscoveredFile } from '../ingest/discover-files.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import { findPipeline } from './find-pipeline.js';
import { prepareFile } from './prepare-file.js';
import type { PrepareReply, PrepareRequest } from './prepare-pool.js';

// Built once per worker: the index is the expensive part of address coding.
const { gazetteer: data, defaultProvinceCode } = workerData as { gazetteer: GazetteerData; defaultProvinceCode: string };
const gazetteer = { index: buildGazetteerIndex(data), version: data.version, defaultProvinceCode };

parentPort!.on('message', async (request: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    const file: DiscoveredFile = request.file;
    const prepared = await prepareFile(file, Buffer.from(request.bytes), findPipeline(request.pipeline), new Date(request.today), gazetteer);
    reply = { id: request.id, kind: 'prepared', prepared };
  } catch (err) {
    reply = err instanceof UnreadableFileError
      ? { id: request.id, kind: 'unreadable', message: err.message }
      : { id: request.id, kind: 'error', message: (err as Error)?.stack ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
