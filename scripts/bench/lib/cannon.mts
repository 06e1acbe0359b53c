// One step of the load script: autocannon at a number of connections for a duration. Latencies
// are taken from autocannon's per-response event (2xx answers, as its own histogram does), so the
// p95 — which its summary lacks (it has p90, p97.5, p99) — is computed exactly, by nearest rank.
import autocannon from 'autocannon';
import { percentile } from './stats.mts';

export interface CannonStep {
  url: string;
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  headers: Record<string, string>;
  /** Method and path, or a setupRequest that makes each request (e.g. another hit each time). */
  request: autocannon.Request;
}

export interface CannonResult {
  connections: number;
  seconds: number;
  /** 2xx answers. */
  ok: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  /** Connection errors and timeouts (autocannon's `errors`, which include `timeouts`). */
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  firstError: string | null;
  /** autocannon's own percentiles, for comparison (milliseconds, 2xx only, whole milliseconds). */
  autocannon: { p50: number; p90: number; p97_5: number; p99: number };
}

/** Runs one step; `control.stop` is set while it runs, so a request hook can end it early. */
export function runCannon(step: CannonStep, control: { stop?: () => void } = {}): Promise<CannonResult> {
  const latencies: number[] = [];
  let firstError: string | null = null;
  const request: autocannon.Request = {
    ...step.request,
    // autocannon hands the body of each answer here (string); only the first failure is kept.
    onResponse: (status: number, body: string) => {
      if ((status < 200 || status > 299) && firstError === null) firstError = `${status} ${String(body).slice(0, 300)}`;
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: step.url,
        connections: step.connections,
        duration: step.durationSeconds,
        timeout: step.timeoutSeconds,
        headers: step.headers,
        requests: [request],
      },
      (error, result) => {
        control.stop = undefined;
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const codes: Record<string, number> = {};
        for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) codes[code] = stats.count ?? 0;
        resolve({
          connections: step.connections,
          seconds: result.duration,
          ok: result['2xx'],
          perSecond: result['2xx'] / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies[latencies.length - 1] ?? Number.NaN,
          non2xx: result.non2xx,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          statusCodes: codes,
          firstError,
          autocannon: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99 },
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status <= 299) latencies.push(responseTime);
    });
    instance.on('reqError', (error: unknown) => {
      firstError ??= `request error: ${error instanceof Error ? error.message : String(error)}`;
    });
    control.stop = () => instance.stop();
  });
}
