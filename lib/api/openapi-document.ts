import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@/lib/schemas/api-token';
import {
  apiErrorSchema,
  entriesResultSchema,
  externalHitsRequestSchema,
  idempotencyKeySchema,
  screeningBatchViewSchema,
  screeningRequestSchema,
  sdnImportResultSchema,
  watchlistEntriesRequestSchema,
} from '@/lib/schemas/ingest';

// The machine API's OpenAPI 3.1 document, generated from the same zod schemas that
// validate requests (issue 7), so the document cannot drift from what the server accepts.
// Served at /api/v1/openapi.json and rendered at /api-docs.

const error = (description: string) => ({ description, content: { 'application/json': { schema: apiErrorSchema } } });

const COMMON_ERRORS = {
  '400': error('The body or a parameter is invalid: `issues` names each field by its path and says why. Nothing was stored.'),
  '401': error('No token, or a malformed, unknown, revoked or expired one. Recorded in the access log.'),
  '403': error('The token lacks the scope this operation needs. Recorded in the access log.'),
};

const WRITE_ERRORS = {
  ...COMMON_ERRORS,
  '409': error('The Idempotency-Key was already used with a different body.'),
  '413': error('The body is larger than the endpoint accepts.'),
};

const idempotencyHeader = z.object({
  'Idempotency-Key': idempotencyKeySchema.optional().meta({
    description: 'Makes a retry safe: a request repeated with the same key returns the first answer (with `Idempotent-Replayed: true`) and stores nothing twice.',
  }),
});

const sourceParam = z.object({ source: z.string().meta({ description: 'The watchlist source code, e.g. OFAC-SDN.', example: 'OFAC-SDN' }) });

function secured(scope: ApiTokenScope, operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return { ...operation, security: [{ bearer: [scope] }], description: `${operation.description ?? ''}\n\nScope: \`${scope}\` (${API_TOKEN_SCOPES[scope]}).`.trim() };
}

export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Proportio ingestion API',
      version: '1',
      description:
        'How a unit feeds Proportio: watchlists, travellers to screen with Proportio’s engine, and hits from an external engine. ' +
        'Every call is authenticated with a bearer token an administrator creates under Administration → API tokens, and every call is recorded in the access log. ' +
        'Batches are all or nothing, except the SDN file import, which reports each row it could not read and imports the rest.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A Proportio API token: `Authorization: Bearer ppt_…`.' },
      },
    },
    paths: {
      '/api/v1/watchlists/{source}/entries': {
        post: secured('watchlists:write', {
          operationId: 'upsertWatchlistEntries',
          summary: 'Upsert watchlist entries',
          description: 'Creates new entries and updates changed ones (a change gives the entry a new version, which lifts earlier clearances against it). All or nothing.',
          requestParams: { path: sourceParam, header: idempotencyHeader },
          requestBody: { content: { 'application/json': { schema: watchlistEntriesRequestSchema } } },
          responses: { '200': { description: 'The counts.', content: { 'application/json': { schema: entriesResultSchema } } }, '404': error('No active source with this code.'), ...WRITE_ERRORS },
        }),
      },
      '/api/v1/watchlists/{source}/import': {
        post: secured('watchlists:write', {
          operationId: 'importSdnFile',
          summary: 'Import OFAC’s sdn.csv as published',
          description: 'The body is the file itself (`text/csv`). Rows that cannot be read are reported with their line number; the rest are imported together. Entries missing from a file read without errors are delisted.',
          requestParams: { path: sourceParam, header: idempotencyHeader },
          requestBody: { content: { 'text/csv': { schema: z.string().meta({ description: 'OFAC sdn.csv: 12 columns, no header, `-0-` for empty.' }) } } },
          responses: { '200': { description: 'Per-row results.', content: { 'application/json': { schema: sdnImportResultSchema } } }, '404': error('No active source with this code.'), ...WRITE_ERRORS },
        }),
      },
      '/api/v1/screenings': {
        post: secured('travellers:write', {
          operationId: 'submitScreening',
          summary: 'Screen a batch of travellers',
          description:
            'Stores the travellers, screens them against the active watchlists (or those named) and creates a hit for a person to review for each match, except where the same identity was cleared against the same entry version. ' +
            'Free-text values revealing special categories of data (PNR art. 13(4)) are deleted on receipt. All or nothing.',
          requestParams: { header: idempotencyHeader },
          requestBody: { content: { 'application/json': { schema: screeningRequestSchema } } },
          responses: { '201': { description: 'The batch with its counts and created hits.', content: { 'application/json': { schema: screeningBatchViewSchema } } }, ...WRITE_ERRORS },
        }),
      },
      '/api/v1/screenings/{id}': {
        get: secured('batches:read', {
          operationId: 'getScreening',
          summary: 'Status and counts of a screening batch',
          requestParams: { path: z.object({ id: z.uuid() }) },
          responses: { '200': { description: 'The batch.', content: { 'application/json': { schema: screeningBatchViewSchema } } }, '404': error('No such batch submitted by this token.'), ...COMMON_ERRORS },
        }),
      },
      '/api/v1/hits': {
        post: secured('hits:write', {
          operationId: 'submitExternalHits',
          summary: 'Submit hits from an external screening engine',
          description: 'Each hit names its traveller and a listed entry held by Proportio. Travellers sent twice under one externalRef are stored once. All or nothing.',
          requestParams: { header: idempotencyHeader },
          requestBody: { content: { 'application/json': { schema: externalHitsRequestSchema } } },
          responses: { '201': { description: 'The batch with its counts and created hits.', content: { 'application/json': { schema: screeningBatchViewSchema } } }, ...WRITE_ERRORS },
        }),
      },
    },
  });
}
