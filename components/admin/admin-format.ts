// Figures of the administration screens. One fixed locale: the server's render and the
// browser's hydration must print the same digits (the app's language is English).
const COUNT = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A file size for people: "3.9 MB", "512 KB", "80 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** "1 row", "2 rows". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
