import 'server-only';
import { idempotencyKeySchema } from '@/lib/schemas/ingest';
import type { IngestAnswer } from '@/server/ingest/idempotency';
import { ValidationError } from '@/server/errors';
import { Answer } from './api-route';

/** The request's Idempotency-Key header: null when absent, 400 when malformed. */
export function idempotencyKeyOf(request: Request): string | null {
  const raw = request.headers.get('idempotency-key');
  if (raw === null) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid Idempotency-Key.', {}, [{ path: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
  return parsed.data;
}

/** An ingestion's answer; a replay says so in a header, with the first answer's status and body. */
export function ingestAnswer<T>(answer: IngestAnswer<T>): Answer {
  return new Answer(answer.body, answer.status, answer.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}
