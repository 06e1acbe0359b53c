import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { EDGE_STRINGS } from '@/lib/testing/fuzz-inputs';
import { fuzz } from '@/lib/testing/fuzz-run';
import { errorLogLine } from './log-error';

// Issue 9, attack suite part 5: log lines escape injected newlines. Whatever an error's message,
// the request's path or an extra field holds — line feeds, carriage returns, the Unicode line
// and paragraph separators, a forged JSON line — the log gets exactly one line, by any reader's
// idea of a line, and it parses as the JSON it claims to be. (Checked here rather than over
// HTTP: the e2e server's output is not readable from Playwright.)

const RUNS = 3000;
/** Where readers break lines: LF, CR, VT, FF (JSON escapes these), NEL, LS and PS (it does not). */
const LINE_BREAK = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;

const breaks = fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\n{"level":"info","forged":true}\n');
/** Text with line breaks injected at random places. */
const injected = fc
  .tuple(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...EDGE_STRINGS)), { minLength: 1, maxLength: 4 }), fc.array(breaks, { minLength: 1, maxLength: 4 }))
  .map(([parts, separators]) => parts.map((part, index) => `${part}${separators[index % separators.length]}`).join(''));

const thrown = fc.oneof(
  fc.tuple(injected, fc.option(fc.oneof(injected, fc.integer()), { nil: undefined })).map(([message, code]) => Object.assign(new Error(message), code === undefined ? {} : { code })),
  fc.tuple(injected, injected).map(([name, message]) => Object.assign(new TypeError(message), { name })),
  injected,
  fc.anything(),
);

/** Extra fields come from code (digest, route), never under the entry's own names. */
const extraKey = fc.string({ maxLength: 8 }).filter((key) => !['level', 'at', 'requestId', 'method', 'path', 'error'].includes(key));

const firstLineOf = (message: string) => message.split(LINE_BREAK)[0] ?? '';

test('any error, path and extra field: exactly one line, which parses back to what was logged', () => {
  const input = fc.record({ requestId: injected, method: injected, path: injected, error: thrown, extra: fc.dictionary(extraKey, injected, { maxKeys: 3 }) });
  const runs = fuzz('errorLogLine', input, ({ requestId, method, path, error, extra }) => {
    const line = errorLogLine({ requestId, method, path }, error, extra);
    assert.equal(line.split(LINE_BREAK).length, 1, JSON.stringify(line));
    const entry = JSON.parse(line);
    assert.equal(entry.requestId, requestId);
    assert.equal(entry.path, path.split('?')[0]);
    assert.equal(entry.level, 'error');
    // Only the first line of a message: what an error quotes after it (query arguments, values) stays out.
    assert.ok(!LINE_BREAK.test(entry.error.message), 'the message is one line');
    if (error instanceof Error) assert.equal(entry.error.message, firstLineOf(error.message).slice(0, 300));
  }, RUNS);
  after(() => console.log(`fuzz: server/http/log-error (all) ${runs} runs`));
});
