// Starts a worker thread on a TypeScript module: tsx's loader hooks are not inherited by
// worker threads on Node 20, so the worker registers them itself, then loads the module
// named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
