import 'server-only';
import { metricsQuerySchema, type MetricsQuery, type MetricsQueryInput } from '@/lib/schemas/metrics';
import { ValidationError } from '@/server/errors';

/** The period from a URL or form, or a ValidationError (400) naming what is wrong with it. */
export function validateMetricsQuery(input: MetricsQueryInput): MetricsQuery {
  const parsed = metricsQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // The first message per field (as server/http/api-route.ts words them; not imported from
  // there, which would pull the session and Next's router into every caller).
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'period')] ??= issue.message;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const [field, message] = Object.entries(fieldErrors)[0] ?? ['period', 'Check the dates.'];
  throw new ValidationError(`The period is not valid (${field}): ${message}`, fieldErrors, issues);
}
