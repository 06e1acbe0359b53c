// A worker thread of the access-log loader (access-log-data.mts): makes the segments the
// main thread asks for (access-log-events.mts) and sends each back whole.
import { parentPort, workerData } from 'node:worker_threads';
import { segmentRows, type GeneratorInput } from './access-log-events.mts';

const input = (workerData as { input: GeneratorInput }).input;
parentPort?.on('message', (segment: number) => {
  try {
    parentPort?.postMessage({ ok: true, rows: segmentRows(input, segment) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, segment, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
