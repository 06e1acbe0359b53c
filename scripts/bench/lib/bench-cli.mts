// What every benchmark script needs around its measurements: numeric options checked with a
// sentence, and everything it started (the app, PostgreSQL, pools) stopped once, in order,
// whether it ends normally, on an error or on Ctrl-C.

/** A positive number from a command-line option, or an error naming the option. */
export function positiveOption(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

/** A whole number from 1 to `max` from a command-line option, or an error naming the option. */
export function wholeOption(name: string, raw: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}, got ${raw}`);
  return value;
}

/**
 * Returns `stopAll()`, which runs the steps once, in order, each failure ignored (a
 * half-started run still stops the rest); also on SIGINT/SIGTERM, then exits 130. A step
 * returning undefined (nothing was started) is skipped.
 */
export function stopper(...steps: (() => Promise<unknown> | undefined)[]): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const step of steps) await step()?.catch(() => {});
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));
  return stopAll;
}
