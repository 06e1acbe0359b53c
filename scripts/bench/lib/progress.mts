// One progress line on stderr for a long load: a bar, % done, rows per second and the time
// left, rewritten in place on a terminal (at most 4 times a second); on a pipe or a log file
// a plain line every 10 s instead. Messages printed through log() go above the bar.

export interface ProgressStep {
  name: string;
  /** Rows this step will write (its share of the bar). */
  rows: number;
}

const BAR = 30;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private readonly total: number;
  private readonly offsets = new Map<string, number>();
  /** Set at the first update: what ran before (the normal seed) is not the load's rate. */
  private started = 0;
  private done = 0;
  private step = '';
  private stepDone = 0;
  private stepRows = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly tty: boolean;
  /** Redraws while a long statement runs, so elapsed time and ETA keep moving. */
  private readonly timer: NodeJS.Timeout;

  constructor(steps: readonly ProgressStep[], private readonly stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr) {
    this.tty = Boolean(stream.isTTY);
    let offset = 0;
    for (const step of steps) {
      this.offsets.set(step.name, offset);
      offset += Math.max(0, step.rows);
    }
    this.total = Math.max(1, offset);
    this.timer = setInterval(() => this.started && this.draw(false), 1000);
    this.timer.unref();
  }

  /** Rows written so far in step `name` (of `rows`): the bar moves to the step's offset plus these. */
  update(name: string, stepDone: number, rows?: number): void {
    this.started ||= performance.now();
    this.step = name;
    this.stepDone = stepDone;
    if (rows !== undefined) this.stepRows = rows;
    this.done = Math.min(this.total, (this.offsets.get(name) ?? this.done) + Math.max(0, stepDone));
    this.draw(false);
  }

  /** A message above the bar. */
  log(message: string): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[K');
    this.stream.write(`${message}\n`);
    this.drawn = false;
    this.draw(true);
  }

  /** Draws 100 % (or where it stopped) and leaves the line. */
  finish(): void {
    clearInterval(this.timer);
    this.draw(true);
    if (this.tty && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  line(): string {
    const fraction = this.done / this.total;
    const seconds = this.started ? (performance.now() - this.started) / 1000 : 0;
    const rate = seconds >= 1 ? this.done / seconds : 0;
    const filled = Math.round(fraction * BAR);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
    const step = this.step ? ` · ${this.step} ${this.stepDone.toLocaleString('en')}${this.stepRows ? `/${this.stepRows.toLocaleString('en')}` : ''}` : '';
    const eta = rate > 0 ? (this.total - this.done) / rate : Number.NaN;
    return `[${bar}] ${(100 * fraction).toFixed(1)}% · ${Math.round(rate).toLocaleString('en')} rows/s · ETA ${duration(eta)} · ${duration(seconds)} elapsed${step}`;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < (this.tty ? 250 : 10_000)) return;
    if (!this.tty && !force) {
      this.lastDraw = now;
      this.stream.write(`${this.line()}\n`);
      return;
    }
    if (!this.tty) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[K${this.line()}`);
    this.drawn = true;
  }
}
