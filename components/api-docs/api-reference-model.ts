import type { oas31 } from 'zod-openapi';
import { schemaRefName, schemaRows, schemaSummary, type FieldRow, type SchemaSummary } from './schema-rows';

// The OpenAPI document as the reference page shows it: operations in document order, each
// with its scope, parameters, body fields and answers. Pure, so it is tested without a page.

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'] as const;

export interface ParameterRow extends FieldRow {
  location: string;
}

export interface BodyView {
  contentType: string;
  required: boolean;
  summary: SchemaSummary;
  /** Field rows; empty when the body has no fields (a file, a plain string). */
  rows: FieldRow[];
}

export interface ResponseView {
  status: string;
  description: string;
  contentType: string | null;
  /** components.schemas name of the answer's body, linked to its section. */
  schemaName: string | null;
  /** Fields of a body described in place rather than by reference. */
  rows: FieldRow[];
}

export interface OperationView {
  anchor: string;
  method: string;
  path: string;
  summary: string | null;
  paragraphs: string[];
  /** Scopes a token needs, per security scheme; empty when the operation needs none. */
  scopes: string[];
  parameters: ParameterRow[];
  bodies: BodyView[];
  responses: ResponseView[];
}

export interface SchemaView {
  name: string;
  anchor: string;
  description: string | null;
  rows: FieldRow[];
}

export interface ApiReferenceView {
  title: string;
  version: string;
  paragraphs: string[];
  security: { name: string; description: string | null }[];
  operations: OperationView[];
  schemas: SchemaView[];
}

export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function operationAnchor(method: string, path: string, operation: oas31.OperationObject): string {
  return `op-${(operation.operationId ?? `${method}-${path}`).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '')}`;
}

function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function isReference(value: unknown): value is oas31.ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

function parameterRows(operation: oas31.OperationObject, item: oas31.PathItemObject, document: oas31.OpenAPIObject): ParameterRow[] {
  const all = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
  const rows: ParameterRow[] = [];
  for (const parameter of all) {
    if (isReference(parameter)) continue; // The generator writes parameters in place.
    const summary = parameter.schema ? schemaSummary(parameter.schema, document) : { type: 'string', constraints: [], description: null, name: null };
    rows.push({
      path: parameter.name,
      location: parameter.in,
      type: summary.type,
      required: parameter.required ?? parameter.in === 'path',
      constraints: summary.constraints,
      description: parameter.description ?? summary.description,
      depth: 0,
    });
  }
  return rows;
}

function bodies(operation: oas31.OperationObject, document: oas31.OpenAPIObject): BodyView[] {
  const body = operation.requestBody;
  if (!body || isReference(body)) return [];
  return Object.entries(body.content).map(([contentType, media]) => ({
    contentType,
    required: body.required ?? false,
    summary: media.schema ? schemaSummary(media.schema, document) : { type: 'any', constraints: [], description: null, name: null },
    rows: media.schema ? schemaRows(media.schema, document) : [],
  }));
}

function responses(operation: oas31.OperationObject, document: oas31.OpenAPIObject): ResponseView[] {
  const views: ResponseView[] = [];
  for (const [status, value] of Object.entries(operation.responses ?? {})) {
    if (status.startsWith('x-') || typeof value !== 'object' || value === null) continue;
    if (isReference(value)) {
      views.push({ status, description: `See ${value.$ref}`, contentType: null, schemaName: null, rows: [] });
      continue;
    }
    const response = value as oas31.ResponseObject;
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [null, undefined];
    const schema = media?.schema;
    const schemaName = schema && isReference(schema) ? schemaRefName(schema.$ref) : null;
    views.push({
      status,
      description: response.description,
      contentType,
      schemaName,
      rows: schema && !schemaName ? schemaRows(schema, document) : [],
    });
  }
  return views.sort((a, b) => a.status.localeCompare(b.status));
}

function scopesOf(operation: oas31.OperationObject, document: oas31.OpenAPIObject): string[] {
  const requirements = operation.security ?? document.security ?? [];
  return [...new Set(requirements.flatMap((requirement) => Object.values(requirement).flat()))];
}

/** The generated description ends with "Scope: `x` (…)"; the page shows the scope on its own line. */
function withoutScopeLine(paragraphs: string[], scopes: string[]): string[] {
  return scopes.length === 0 ? paragraphs : paragraphs.filter((paragraph) => !/^Scope: `[^`]+`/.test(paragraph));
}

export function apiReference(document: oas31.OpenAPIObject): ApiReferenceView {
  const operations: OperationView[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const scopes = scopesOf(operation, document);
      operations.push({
        anchor: operationAnchor(method, path, operation),
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? null,
        paragraphs: withoutScopeLine(paragraphsOf(operation.description), scopes),
        scopes,
        parameters: parameterRows(operation, item, document),
        bodies: bodies(operation, document),
        responses: responses(operation, document),
      });
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({
    name,
    anchor: schemaAnchor(name),
    description: isReference(schema) ? null : (schema.description ?? null),
    rows: schemaRows(schema, document),
  }));
  const security = Object.entries(document.components?.securitySchemes ?? {}).map(([name, scheme]) => ({
    name,
    description: isReference(scheme) ? null : (scheme.description ?? null),
  }));
  return { title: document.info.title, version: document.info.version, paragraphs: paragraphsOf(document.info.description), security, operations, schemas };
}
