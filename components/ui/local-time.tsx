'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False on the server and during hydration, true afterwards: local time only exists in the browser. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function formatUtc(date: Date, dateOnly = false): string {
  const iso = date.toISOString();
  return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

// One formatter per kind, made on first use in the browser: not one per cell of a long table,
// nor any on the server, which shows UTC.
const formatters: Partial<Record<'date' | 'dateTime', Intl.DateTimeFormat>> = {};
function localFormat(date: Date, dateOnly: boolean): string {
  const kind = dateOnly ? 'date' : 'dateTime';
  formatters[kind] ??= new Intl.DateTimeFormat(undefined, dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
  return formatters[kind].format(date);
}

/**
 * The one way the app shows a date or time: in the reader's time zone, with UTC on hover
 * (the title) and in `dateTime`; before hydration (and without script) it reads in UTC.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const inBrowser = useInBrowser();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const utc = formatUtc(date, dateOnly);
  return (
    <time dateTime={date.toISOString()} title={utc}>
      {inBrowser ? localFormat(date, dateOnly) : utc}
    </time>
  );
}
