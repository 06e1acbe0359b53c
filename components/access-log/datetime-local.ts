// <input type="datetime-local"> speaks the reader's local wall-clock time ("2026-11-25T14:30");
// the URL and the server speak ISO instants. These convert between the two.

const pad = (value: number) => String(value).padStart(2, '0');

/** A datetime-local value as an ISO instant; an unreadable value is returned as typed, for the parser to name. */
export function localInputToIso(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date.toISOString();
}

/**
 * An ISO instant as a datetime-local value: in local time in the browser, in UTC where
 * there is no reader's zone (the server's render, before hydration).
 */
export function isoToLocalInput(iso: string | undefined, local: boolean): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (!local) return date.toISOString().slice(0, 16);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
