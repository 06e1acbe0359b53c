// Node.js options for the Next.js server, wherever it is started (npm start, the e2e server,
// the benchmarks). A larger young generation: the server allocates briskly and briefly —
// each request's rows, JSON and rendered HTML; an export's 5,000-row batches — and with V8's
// default semi-space (16 MB) those batches outlived scavenges, were promoted and collected
// again by full collections. 64 MB: an export of 100,000 events 1.4 → 1.1 s, half of it
// garbage collection before (scripts/bench/README.md). Costs at most some 200 MB of memory.
const SERVER_NODE_OPTIONS = '--max-semi-space-size=64';

/** NODE_OPTIONS for the server's process: the caller's own, then the server's. */
export function serverNodeOptions(env: NodeJS.ProcessEnv = process.env): string {
  return [env.NODE_OPTIONS, SERVER_NODE_OPTIONS].filter(Boolean).join(' ');
}
