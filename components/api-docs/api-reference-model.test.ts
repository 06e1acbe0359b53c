import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { oas31 } from 'zod-openapi';
import { openApiDocument } from '@/lib/api/openapi-document';
import { apiReference } from './api-reference-model';
import { schemaRows } from './schema-rows';

const reference = apiReference(openApiDocument());

function operation(method: string, path: string) {
  const found = reference.operations.find((candidate) => candidate.method === method && candidate.path === path);
  assert.ok(found, `${method} ${path} is documented`);
  return found;
}

describe('apiReference on the served document', () => {
  it('lists every operation with its scope, without repeating the scope in the description', () => {
    const screen = operation('POST', '/api/v1/screenings');
    assert.deepEqual(screen.scopes, ['travellers:write']);
    assert.ok(screen.paragraphs.every((paragraph) => !paragraph.startsWith('Scope:')));
    assert.deepEqual(operation('GET', '/api/v1/screenings/{id}').scopes, ['batches:read']);
  });

  it('walks nested arrays of objects into paths, with required flags and constraints', () => {
    const body = operation('POST', '/api/v1/screenings').bodies[0];
    assert.equal(body?.contentType, 'application/json');
    const row = (path: string) => {
      const found = body?.rows.find((candidate) => candidate.path === path);
      assert.ok(found, `${path} is a row`);
      return found;
    };
    assert.equal(row('travellers').required, true);
    assert.match(row('travellers').constraints.join('; '), /1 to 1000 items/);
    assert.equal(row('travellers[].itinerary[].from').required, true);
    assert.match(row('travellers[].itinerary[].from').constraints.join('; '), /pattern \^\[A-Z\]\{3\}\$/);
    assert.equal(row('travellers[].familyName').type, 'string or null');
    assert.equal(row('travellers[].familyName').required, false);
    assert.match(row('travellers[].familyName').constraints.join('; '), /at most 100 characters|1 to 100 characters/);
    assert.equal(row('travellers[].dateOfBirth').type, 'string (date) or null');
    // A format's machine pattern is not repeated.
    assert.ok(!row('travellers[].dateOfBirth').constraints.some((rule) => rule.startsWith('pattern')));
    assert.match(row('travellers[].sex').constraints.join('; '), /one of: F, M, X, U/);
    assert.match(row('travellers[].sex').constraints.join('; '), /default U/);
  });

  it('describes parameters and a file body', () => {
    const upload = operation('POST', '/api/v1/watchlists/{source}/import');
    const source = upload.parameters.find((parameter) => parameter.path === 'source');
    assert.equal(source?.location, 'path');
    assert.equal(source?.required, true);
    const key = upload.parameters.find((parameter) => parameter.path === 'Idempotency-Key');
    assert.equal(key?.required, false);
    assert.equal(upload.bodies[0]?.contentType, 'text/csv');
    assert.deepEqual(upload.bodies[0]?.rows, []);
    assert.equal(upload.bodies[0]?.summary.type, 'string');
  });

  it('names referenced answers and lists the referenced schemas with their fields', () => {
    const upload = operation('POST', '/api/v1/watchlists/{source}/import');
    assert.equal(upload.responses.find((response) => response.status === '200')?.schemaName, 'SdnImportResult');
    assert.equal(upload.responses.find((response) => response.status === '413')?.schemaName, 'Error');
    const result = reference.schemas.find((schema) => schema.name === 'SdnImportResult');
    assert.ok(result?.rows.some((row) => row.path === 'errors[].line' && row.type === 'integer'));
    const batch = reference.schemas.find((schema) => schema.name === 'ScreeningBatch');
    const created = batch?.rows.find((row) => row.path === 'hitsCreated');
    // zod's safe-integer bounds are not worth a constraint.
    assert.deepEqual(created?.constraints, []);
    assert.equal(batch?.rows.find((row) => row.path === 'status')?.constraints[0], 'always COMPLETED');
    const error = reference.schemas.find((schema) => schema.name === 'Error');
    assert.equal(error?.rows.find((row) => row.path === 'fieldErrors')?.type, 'map of string');
  });
});

describe('schemaRows', () => {
  it('follows $ref to components.schemas and stops at a recursive one', () => {
    const document: oas31.OpenAPIObject = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: {
        schemas: {
          Person: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string', maxLength: 10, description: 'Full name' },
              parent: { $ref: '#/components/schemas/Person' },
              tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
            },
          },
        },
      },
    };
    const rows = schemaRows({ type: 'object', properties: { people: { type: 'array', items: { $ref: '#/components/schemas/Person' } } } }, document);
    assert.deepEqual(
      rows.map((row) => [row.path, row.type, row.required]),
      [
        ['people', 'array of object (Person)', false],
        ['people[].name', 'string', true],
        ['people[].parent', 'object (Person)', false],
        ['people[].tags', 'array of string', false],
      ],
    );
    assert.equal(rows[1]?.description, 'Full name');
    assert.deepEqual(rows[1]?.constraints, ['at most 10 characters']);
    assert.match(rows[2]?.constraints.join(';') ?? '', /recursive: see Person/);
    assert.deepEqual(rows[3]?.constraints, ['each: one of: a, b']);
  });
});
