import fc from 'fast-check';

// Generated input for the fuzz suites (lib/schemas/fuzz.test.ts, e2e/attack/fuzz.spec.ts):
// arbitrary JSON, values that have broken parsers, databases, logs and spreadsheets before,
// and mutations of a valid example. Arbitrary JSON is refused at the first check; a valid
// example with one to three parts replaced, removed or bent out of shape gets past it and
// reaches the code behind.

/** Strings that have broken parsers, databases, logs and spreadsheets. */
export const EDGE_STRINGS: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\n', '\r\n', 'two\nlines', '\u2028', '\u2029', '\u0085', '\t', '"', "'", '\\',
  '{', '[]', 'null', 'true', '0', '-1', 'NaN', 'Infinity', '1e309', '0x10', '9'.repeat(25), '9223372036854775808', '12345678901234567890',
  '0000-01-01', '0000-01-01T00:00:00Z', '0001-01-01', '9999-12-31', '9999-12-31T23:00:00-05:00', '2026-02-29', '2026-02-30',
  '2026-13-01', '2026-00-10', '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00.000Z',
  '=HYPERLINK("http://evil.example","x")', '+1', '-2+3', '@SUM(A1)', '\tcmd',
  '../../etc/passwd', '%00', '%2e%2e%2f', '<script>alert(1)</script>', "' OR 1=1 --", '${7*7}', '__proto__', 'constructor',
  '\ud800', '\udfff', '💥', 'e\u0301', '\u202e', '\ufeff', 'x'.repeat(5000),
];

/** Characters inserted into a valid string: no text column holds the first; the others break lines, quotes and direction. */
const CONTROL = ['\u0000', '\n', '\r', '\u2028', '\t', '"', '\\', '\u202e'];

/** The date-shaped ones: a date in an example is bent into these first. */
const DATE_EDGES = EDGE_STRINGS.filter((edge) => /^[+-]?\d{4,6}-\d{2}/.test(edge));

/** Numbers at and past the limits of integer columns, JavaScript's safe integers and doubles. */
export const EDGE_NUMBERS: readonly number[] = [
  0, 1, -1, 0.5, 1e-7, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 1e10, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE,
];

/** Any JSON value, edge strings and numbers over-represented. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
);

const DIGIT = fc.oneof(fc.constant('0'), fc.constant('9'), fc.constantFrom(...'0123456789'));
const UPPER = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const LOWER = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');

/** A string of the same shape (digits for digits, letters for letters): "2026-11-25" becomes "0000-19-95". */
export function sameShape(text: string): fc.Arbitrary<string> {
  const parts = [...text.slice(0, 200)].map((char) => (/\d/.test(char) ? DIGIT : /[A-Z]/.test(char) ? UPPER : /[a-z]/.test(char) ? LOWER : fc.constant(char)));
  return parts.length === 0 ? fc.constant('') : fc.tuple(...parts).map((chars) => chars.join(''));
}

type Path = (string | number)[];
const REMOVE = Symbol('remove');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function pathsOf(value: unknown, path: Path = []): Path[] {
  const children = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : isRecord(value) ? Object.entries(value) : [];
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy of `value` with the node at `path` replaced (or removed); own keys even for "__proto__". */
function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [key, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(key as number, 1);
    else copy[key as number] = replaced(copy[key as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) define(copy, name, child);
  if (rest.length === 0 && replacement === REMOVE) delete copy[key];
  else define(copy, String(key), replaced(copy[key], rest, replacement));
  return copy;
}

function define(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value like `node` but bent: same shape with other characters, an edge value, a neighbour, a wrong type. */
function bent(node: unknown): fc.Arbitrary<unknown> {
  const anyKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', ''));
  if (typeof node === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node)) {
    return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...DATE_EDGES) }, { weight: 2, arbitrary: sameShape(node) }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS) });
  }
  if (typeof node === 'string') {
    return fc.oneof(
      { weight: 2, arbitrary: sameShape(node) },
      { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
      { weight: 2, arbitrary: fc.tuple(fc.nat({ max: node.length }), fc.constantFrom(...CONTROL)).map(([at, char]) => `${node.slice(0, at)}${char}${node.slice(at)}`) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS).map((edge) => `${node}${edge}`) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS).map((edge) => `${edge}${node}`) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 400 }).map((times) => node.repeat(times)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom(node.toUpperCase(), ` ${node} `) },
    );
  }
  if (typeof node === 'number') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
      { weight: 1, arbitrary: fc.constantFrom(node + 1, node - 1, -node, node / 3, String(node)) },
      { weight: 1, arbitrary: fc.maxSafeInteger() },
      { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    );
  }
  if (typeof node === 'boolean') return fc.constantFrom(!node, String(node), node ? 1 : 0, null);
  if (Array.isArray(node)) {
    return fc.oneof(fc.constant([]), fc.integer({ min: 2, max: 60 }).map((times) => Array.from({ length: times }, () => node).flat()), fc.constant(node[0] ?? null));
  }
  if (isRecord(node)) {
    return fc.oneof(
      fc.constant({}),
      fc.tuple(anyKey, anyJson).map(([key, value]) => replaced(node, [key], value)),
      fc.constant(Object.keys(node)),
    );
  }
  return anyJson;
}

function mutateOnce(value: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  return fc.nat({ max: paths.length - 1 }).chain((index) => {
    const path = paths[index] as Path;
    const node = valueAt(value, path);
    const replacements = [{ weight: 4, arbitrary: bent(node) }, { weight: 2, arbitrary: anyJson }];
    // The root cannot be removed, only replaced.
    if (path.length > 0) replacements.push({ weight: 1, arbitrary: fc.constant<unknown>(REMOVE) });
    return fc.oneof(...replacements).map((replacement) => replaced(value, path, replacement));
  });
}

/** A valid example with one to three of its parts replaced, removed or bent out of shape. */
export function mutationOf(example: unknown, maxMutations = 3): fc.Arbitrary<unknown> {
  const step = (value: unknown, left: number): fc.Arbitrary<unknown> => (left === 0 ? fc.constant(value) : mutateOnce(value).chain((next) => step(next, left - 1)));
  // Mostly one change, so the rest of the example stays valid and the change reaches deep checks.
  const count = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: Math.max(2, maxMutations) }) });
  return count.chain((times) => step(example, times));
}

/**
 * The valid example with one part at a time set to what most often gets past a schema and
 * breaks the database: U+0000 appended to a string, a date-shaped string as year 0000, a number
 * past a 32-bit integer. Not random — every part is tried once — so no route depends on luck to
 * meet them.
 */
export function leafEdgeCases(example: unknown): unknown[] {
  return pathsOf(example).flatMap((path) => {
    const node = valueAt(example, path);
    if (typeof node === 'string') {
      const date = /^\d{4}-\d{2}-\d{2}/.test(node) ? [replaced(example, path, `0000${node.slice(4)}`)] : [];
      return [replaced(example, path, `${node}\u0000`), ...date];
    }
    if (typeof node === 'number') return [replaced(example, path, 2 ** 31)];
    return [];
  });
}

/** What an endpoint may be sent: arbitrary JSON, mostly mutations of a valid example. */
export function inputFor(example: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: anyJson }, { weight: 3, arbitrary: mutationOf(example) });
}

/** Text a URL can carry: lone surrogates become U+FFFD, as a browser would send them. */
const wellFormed = (text: string) => text.toWellFormed();

/**
 * Query parameters: some of the valid ones (name → valid value), each value kept or bent,
 * sometimes repeated, now and then an unknown name; as the pairs a URL's query holds.
 */
export function queryFor(examples: Readonly<Record<string, string>>): fc.Arbitrary<[string, string][]> {
  const names = Object.keys(examples);
  const value = (name: string) => {
    const example = Object.hasOwn(examples, name) ? (examples[name] ?? '') : '';
    return fc.oneof(fc.constant(example), sameShape(example), fc.constantFrom(...EDGE_STRINGS), fc.string({ unit: 'binary', maxLength: 30 })).map(wellFormed);
  };
  const name = names.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'x', '') }) : fc.constantFrom('__proto__', 'x', '');
  const pair = name.chain((key) => value(key).map((one): [string, string] => [key, one]));
  return fc.array(pair, { maxLength: 8 });
}

/** A route parameter: mostly the real one (so the body is checked), else bent; never one that changes the route. */
export function paramFor(real: string): fc.Arbitrary<string> {
  return fc
    .oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: sameShape(real) }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) })
    .map(wellFormed)
    .filter((param) => !['', '.', '..'].includes(param));
}
