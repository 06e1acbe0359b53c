// The benchmark's HTTP client: node:http over kept-alive sockets. The load generator shares
// the 2 cores with the server it measures, so what it costs is taken from the server: the
// global fetch (undici, WHATWG streams) cost 0.84 ms of CPU a queue request at 16 clients,
// this 0.41 (process CPU time over 10 s of queue pages). It asks for gzip, as a browser
// does — the server's compression stays part of what is measured — and inflates the answer.
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  text: string;
}

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function send(url: string, init: HttpInit = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string | number> = { 'accept-encoding': 'gzip', ...init.headers };
    if (body) headers['content-length'] = body.length;
    const request = http.request(url, { method: init.method ?? 'GET', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const decoded = response.headers['content-encoding'] === 'gzip' ? gunzip(raw) : Promise.resolve(raw);
        decoded.then((bytes) => resolve({ status: response.statusCode ?? 0, text: bytes.toString('utf8') }), reject);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
