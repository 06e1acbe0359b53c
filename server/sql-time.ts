import 'server-only';

/**
 * SQL for a timestamptz column as the text Date#toISOString() writes (UTC, milliseconds, "Z"),
 * for statements that hand the app text instead of Dates. `column` is SQL written in code,
 * never input.
 */
export function isoUtcSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
