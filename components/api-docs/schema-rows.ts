import type { oas31 } from 'zod-openapi';

// Reads JSON Schema (as OpenAPI 3.1 carries it) into table rows a person can scan: one row
// per field, nested fields named by their path (`travellers[].itinerary[].from`). Pure.

type Node = oas31.SchemaObject | oas31.ReferenceObject;

export interface FieldRow {
  /** Dotted path; `[]` marks each element of an array. */
  path: string;
  type: string;
  required: boolean;
  constraints: string[];
  description: string | null;
  /** Nesting level, 0 for a top-level field. */
  depth: number;
}

/** A schema with no fields of its own (a plain string body, say), said in one line. */
export interface SchemaSummary {
  type: string;
  constraints: string[];
  description: string | null;
  /** The components.schemas name when the schema is a reference. */
  name: string | null;
}

// zod's integers carry the safe-integer range as bounds: true, but no constraint worth reading.
const SAFE = Number.MAX_SAFE_INTEGER;
const MAX_DEPTH = 12;

/** The schema's name under components.schemas, for a local reference. */
export function schemaRefName(ref: string): string | null {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  return match?.[1] ? match[1].replaceAll('~1', '/').replaceAll('~0', '~') : null;
}

function isReference(node: Node): node is oas31.ReferenceObject {
  return typeof node.$ref === 'string';
}

interface Resolved {
  schema: oas31.SchemaObject;
  /** components.schemas name when reached through a reference. */
  name: string | null;
  nullable: boolean;
  /** The description written where the schema is used, which wins over the schema's own. */
  description: string | null;
}

/** Follows local references and unwraps `X or null` (anyOf/oneOf with a null branch, or a type list). */
export function resolveSchema(node: Node, document: oas31.OpenAPIObject): Resolved {
  let description = node.description ?? null;
  let name: string | null = null;
  let current: Node = node;
  for (let hops = 0; isReference(current) && hops < MAX_DEPTH; hops++) {
    const refName = schemaRefName(current.$ref);
    const target = refName ? document.components?.schemas?.[refName] : undefined;
    if (!refName || !target) return { schema: { description: `Unresolved reference ${current.$ref}` }, name: null, nullable: false, description };
    name = refName;
    current = target;
    description ??= current.description ?? null;
  }
  let schema = current as oas31.SchemaObject;
  let nullable = false;
  const union = schema.anyOf ?? schema.oneOf;
  if (union && !schema.type && !schema.properties) {
    const rest = union.filter((branch) => !(!isReference(branch) && branch.type === 'null'));
    if (rest.length < union.length) nullable = true;
    if (rest.length === 1 && rest[0]) {
      const inner = resolveSchema(rest[0], document);
      return { schema: inner.schema, name: inner.name ?? name, nullable: nullable || inner.nullable, description: description ?? inner.description };
    }
    if (nullable) schema = { ...schema, anyOf: rest, oneOf: undefined };
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    nullable = true;
    const types = schema.type.filter((type) => type !== 'null');
    schema = { ...schema, type: types.length === 1 ? types[0] : types };
  }
  return { schema, name, nullable, description: description ?? schema.description ?? null };
}

function isObject(schema: oas31.SchemaObject): boolean {
  return schema.type === 'object' || (!schema.type && schema.properties !== undefined);
}

function baseType(resolved: Resolved, document: oas31.OpenAPIObject, depth: number): string {
  const { schema, name } = resolved;
  if (depth > MAX_DEPTH) return 'value';
  if (schema.const !== undefined) return typeof schema.const === 'string' ? 'string' : typeof schema.const;
  if (schema.type === 'array') {
    const items = schema.items ? resolveSchema(schema.items, document) : null;
    return items ? `array of ${typeLabel(items, document, depth + 1)}` : 'array';
  }
  if (isObject(schema)) {
    if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return `map of ${typeLabel(resolveSchema(schema.additionalProperties, document), document, depth + 1)}`;
    }
    return name ? `object (${name})` : 'object';
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((branch) => typeLabel(resolveSchema(branch, document), document, depth + 1)).join(' or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function typeLabel(resolved: Resolved, document: oas31.OpenAPIObject, depth = 0): string {
  const type = baseType(resolved, document, depth);
  return resolved.nullable ? `${type} or null` : type;
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${unit}` : `${min} to ${max} ${unit}`;
  if (min !== undefined) return min === 1 && unit === 'characters' ? 'not empty' : `at least ${min} ${unit}`;
  if (max !== undefined) return `at most ${max} ${unit}`;
  return null;
}

/** The rules on a value, in words; a format's machine pattern is left out (the format names it). */
function ownConstraints(schema: oas31.SchemaObject): string[] {
  const found: (string | null)[] = [];
  if (schema.const !== undefined) found.push(`always ${json(schema.const)}`);
  if (schema.enum) found.push(`one of: ${schema.enum.map(json).join(', ')}`);
  found.push(range(schema.minLength, schema.maxLength, 'characters'));
  if (schema.pattern && !schema.format) found.push(`pattern ${schema.pattern}`);
  const minimum = schema.minimum !== undefined && schema.minimum > -SAFE ? schema.minimum : undefined;
  const maximum = schema.maximum !== undefined && schema.maximum < SAFE ? schema.maximum : undefined;
  if (minimum !== undefined && maximum !== undefined) found.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) found.push(`at least ${minimum}`);
  else if (maximum !== undefined) found.push(`at most ${maximum}`);
  if (schema.exclusiveMinimum !== undefined) found.push(`more than ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined) found.push(`less than ${schema.exclusiveMaximum}`);
  found.push(range(schema.minItems, schema.maxItems, 'items'));
  if (schema.uniqueItems) found.push('no duplicates');
  if (isObject(schema) && schema.properties && schema.additionalProperties === false) found.push('no other fields');
  if (schema.default !== undefined) found.push(`default ${json(schema.default)}`);
  if (schema.example !== undefined) found.push(`e.g. ${json(schema.example)}`);
  return found.filter((item): item is string => item !== null);
}

function constraints(resolved: Resolved, document: oas31.OpenAPIObject): string[] {
  const own = ownConstraints(resolved.schema);
  if (resolved.schema.type !== 'array' || !resolved.schema.items) return own;
  // An array of plain values says its elements' rules on its own row.
  const items = resolveSchema(resolved.schema.items, document);
  if (isObject(items.schema)) return items.schema.additionalProperties === false ? [...own, 'each: no other fields'] : own;
  if (items.schema.type === 'array') return own;
  return [...own, ...ownConstraints(items.schema).map((rule) => `each: ${rule}`)];
}

function childRows(resolved: Resolved, document: oas31.OpenAPIObject, path: string, depth: number, rows: FieldRow[], trail: readonly string[]): void {
  if (depth > MAX_DEPTH) return;
  const { schema } = resolved;
  const names = resolved.name ? [...trail, resolved.name] : trail;
  if (isObject(schema) && schema.properties) {
    const required = new Set(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties)) {
      fieldRows(child, document, path ? `${path}.${key}` : key, required.has(key), depth, rows, names);
    }
    return;
  }
  if (schema.type === 'array' && schema.items) {
    const items = resolveSchema(schema.items, document);
    if (items.name && names.includes(items.name)) return;
    if (isObject(items.schema) || items.schema.type === 'array') childRows(items, document, `${path}[]`, depth, rows, names);
  }
}

function fieldRows(node: Node, document: oas31.OpenAPIObject, path: string, required: boolean, depth: number, rows: FieldRow[], trail: readonly string[]): void {
  const resolved = resolveSchema(node, document);
  const recursive = resolved.name !== null && trail.includes(resolved.name);
  rows.push({
    path,
    type: typeLabel(resolved, document),
    required,
    constraints: recursive ? [...constraints(resolved, document), `recursive: see ${resolved.name}`] : constraints(resolved, document),
    description: resolved.description,
    depth,
  });
  if (!recursive) childRows(resolved, document, path, depth + 1, rows, trail);
}

/** One row per field of an object schema (its own properties at depth 0, then nested ones). Empty for a schema without fields. */
export function schemaRows(node: Node, document: oas31.OpenAPIObject): FieldRow[] {
  const rows: FieldRow[] = [];
  // A top-level array lists its elements' fields under `[]`.
  childRows(resolveSchema(node, document), document, '', 0, rows, []);
  return rows;
}

/** The schema itself in one line: type, rules, description. */
export function schemaSummary(node: Node, document: oas31.OpenAPIObject): SchemaSummary {
  const resolved = resolveSchema(node, document);
  return { type: typeLabel(resolved, document), constraints: constraints(resolved, document), description: resolved.description, name: resolved.name };
}
