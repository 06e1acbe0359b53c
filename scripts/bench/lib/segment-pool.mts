// The access-log loader's worker threads (access-log-worker.mts): segments requested a few
// ahead of the one the main thread streams, made in parallel, handed out in order. At most
// `ahead` segments wait in memory (about 45 MB each).
import { Worker } from 'node:worker_threads';
import type { GeneratorInput, SegmentRows } from './access-log-events.mts';

type Reply = { ok: true; rows: SegmentRows } | { ok: false; segment: number; message: string };

export class SegmentPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (rows: SegmentRows) => void; reject: (error: Error) => void }>();
  private readonly requested = new Map<number, Promise<SegmentRows>>();
  private next = 0;

  constructor(input: GeneratorInput, private readonly segments: number, threads: number, private readonly ahead = threads * 2) {
    const boot = new URL('./worker-boot.mjs', import.meta.url);
    const workerModule = new URL('./access-log-worker.mts', import.meta.url).href;
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(boot, { workerData: { module: workerModule, input } });
      worker.on('message', (reply: Reply) => {
        const segment = reply.ok ? reply.rows.segment : reply.segment;
        const waiter = this.waiting.get(segment);
        this.waiting.delete(segment);
        if (reply.ok) waiter?.resolve(reply.rows);
        else waiter?.reject(new Error(`access-log worker: segment ${segment}: ${reply.message}`));
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  /** Segment `segment` (asked for in order: 0, 1, 2 …), and the next ones requested meanwhile. */
  async take(segment: number): Promise<SegmentRows> {
    while (this.next < Math.min(this.segments, segment + this.ahead)) this.request(this.next++);
    const rows = this.requested.get(segment);
    if (!rows) throw new Error(`access-log worker: segment ${segment} was never requested`);
    this.requested.delete(segment);
    return rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private request(segment: number): void {
    const rows = new Promise<SegmentRows>((resolve, reject) => this.waiting.set(segment, { resolve, reject }));
    rows.catch(() => {}); // taken (and awaited) in order; a failure surfaces there
    this.requested.set(segment, rows);
    this.workers[segment % this.workers.length]?.postMessage(segment);
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
