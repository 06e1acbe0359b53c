import { z } from 'zod';
import { apiRoute, readParam } from '@/server/http/api-route';
import { getScreeningBatch } from '@/server/ingest/screenings/get-screening-batch';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => getScreeningBatch(caller, readParam(params.id, z.uuid(), 'screening batch')));
