import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorLogLine, logServerInfo } from './log-error';

const context = { requestId: '0b9e7c7e-0000-4000-8000-000000000001', method: 'POST', path: '/api/v1/hits/abc/decision?name=MUSTERMANN' };

test('one JSON line: request id, method, path without its query, error name, code, first line of the message, frames', () => {
  const error = Object.assign(new Error('Invalid `tx.traveller.create()` invocation:\n\n  surname: "MUSTERMANN"\nevil\n{"level":"info"}'), { code: 'P2002' });
  const line = errorLogLine(context, error, { digest: '123' });
  assert.ok(!line.includes('\n'), 'one line, whatever the error holds');
  const parsed = JSON.parse(line);
  assert.equal(parsed.level, 'error');
  assert.equal(parsed.requestId, context.requestId);
  assert.equal(parsed.method, 'POST');
  assert.equal(parsed.path, '/api/v1/hits/abc/decision');
  assert.equal(parsed.digest, '123');
  assert.equal(parsed.error.name, 'Error');
  assert.equal(parsed.error.code, 'P2002');
  assert.equal(parsed.error.message, 'Invalid `tx.traveller.create()` invocation:');
  assert.ok(!line.includes('MUSTERMANN'), 'neither the query string nor the values after the first line');
  assert.ok(parsed.error.stack.length > 0 && parsed.error.stack.every((frame: string) => frame.startsWith('at ')));
});

test('a thrown non-Error is described too', () => {
  const parsed = JSON.parse(errorLogLine(context, { weird: true }));
  assert.equal(parsed.error.name, 'Error');
  assert.equal(parsed.error.message, 'A non-Error value was thrown');
});

test('an info line has the error lines\' request fields, one line, without the query string', (t) => {
  const written: string[] = [];
  t.mock.method(console, 'info', (line: string) => written.push(line));
  logServerInfo({ ...context, path: '/api/v1/hits\u2028x?name=MUSTERMANN' }, { clientClosedRequest: true });
  assert.equal(written.length, 1);
  const [line] = written as [string];
  assert.ok(!/[\n\r\u2028\u2029\u0085]/.test(line), 'no character a log reader breaks at');
  assert.ok(!line.includes('MUSTERMANN'));
  const parsed = JSON.parse(line);
  assert.deepEqual({ ...parsed, at: undefined }, {
    level: 'info', at: undefined, requestId: context.requestId, method: 'POST', path: '/api/v1/hits\u2028x', clientClosedRequest: true,
  });
  assert.ok(!Number.isNaN(Date.parse(parsed.at)));
});
