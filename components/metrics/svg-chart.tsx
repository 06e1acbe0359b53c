'use client';

import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { AXIS_TICK, GRID_STROKE } from './chart-theme';

// The metrics page's charts, drawn as plain SVG: bars (grouped or stacked, along either axis)
// and lines over categories, on a linear or logarithmic value axis, with reference lines,
// labels over bars, a legend and a tooltip. A charting library cost the page 120 KB of
// JavaScript (gzipped) for these few shapes; this is a few KB. Every number drawn here is also
// in the table beneath the chart, which is what assistive technology reads (the chart is one
// role="img" in ChartFigure).

export interface ChartSeries {
  /** The row's field holding the value (a number, or null for none). */
  key: string;
  name: string;
  color: string;
  dash?: string;
  /** For bars: the row's field holding a text to write above the bar. */
  labelKey?: string;
}

export interface ReferenceLine {
  value: number;
  color: string;
  dash?: string;
  label?: string;
}

export interface SvgChartProps<Row> {
  data: readonly Row[];
  /** The row's category name (the axis label and the tooltip's heading). */
  category: (row: Row) => string;
  series: readonly ChartSeries[];
  kind: 'bar' | 'line';
  /** Bars of all series on top of each other rather than side by side. */
  stacked?: boolean;
  /** Categories down the left, values along the bottom (bars grow rightwards). */
  horizontal?: boolean;
  scale?: 'linear' | 'log';
  /** A fixed value domain; otherwise from 0 (or 1 on a log scale) to the largest value, rounded up. */
  domain?: readonly [number, number];
  /** Only whole numbers on the value axis. */
  integer?: boolean;
  /** Appended to the value axis's ticks, e.g. " h". */
  unit?: string;
  tickFormat?: (value: number) => string;
  /** How the tooltip writes a value. */
  valueFormat?: (value: number) => string;
  referenceLines?: readonly ReferenceLine[];
  legend?: boolean;
  /** Room for the category names of a horizontal chart. */
  categoryWidth?: number;
}

const FONT_SIZE = AXIS_TICK.fontSize;
const CHAR_WIDTH = FONT_SIZE * 0.6;
const LEGEND_HEIGHT = 28;

function niceStep(span: number, count: number, integer: boolean): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/** The value axis: its domain, its ticks and a function from a value to a fraction of the axis (0–1). */
export function valueAxis(max: number, options: { scale: 'linear' | 'log'; domain?: readonly [number, number]; integer: boolean; ticks: number }) {
  if (options.scale === 'log') {
    const low = options.domain?.[0] ?? 1;
    const top = Math.max(low * 10, options.domain?.[1] ?? 10 ** Math.ceil(Math.log10(Math.max(max, low * 10))));
    const ticks: number[] = [];
    for (let tick = low; tick <= top * 1.0001; tick *= 10) ticks.push(tick);
    const span = Math.log10(top) - Math.log10(low);
    return { ticks, fraction: (value: number) => (value <= 0 ? 0 : Math.min(1, Math.max(0, (Math.log10(value) - Math.log10(low)) / span))) };
  }
  let [low, top] = options.domain ?? [0, max];
  if (!(top > low)) top = low + (options.integer ? options.ticks : 1);
  const step = niceStep(top - low, options.ticks, options.integer);
  if (!options.domain) {
    low = Math.floor(low / step) * step;
    top = Math.ceil(top / step) * step;
  }
  const ticks: number[] = [];
  for (let tick = low; tick <= top + step / 1000; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { ticks, fraction: (value: number) => (value - low) / (top - low) };
}

/** Follows its box's size (the figure gives it its height), so text stays at its size at any width. */
function useSize<T extends HTMLElement>(): [RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 720, height: 288 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) setSize((old) => (old.width === box.width && old.height === box.height ? old : { width: box.width, height: box.height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

function numberAt(row: unknown, key: string): number | null {
  const value = (row as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textAt(row: unknown, key: string | undefined): string {
  if (!key) return '';
  const value = (row as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

export function SvgChart<Row>({
  data,
  category,
  series,
  kind,
  stacked = false,
  horizontal = false,
  scale = 'linear',
  domain,
  integer = false,
  unit = '',
  tickFormat,
  valueFormat,
  referenceLines = [],
  legend = false,
  categoryWidth,
}: SvgChartProps<Row>) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const width = Math.max(160, size.width);
  const height = Math.max(120, size.height - (legend ? LEGEND_HEIGHT : 0));

  const totals = data.map((row) =>
    stacked ? series.reduce((sum, s) => sum + Math.max(0, numberAt(row, s.key) ?? 0), 0) : Math.max(0, ...series.map((s) => numberAt(row, s.key) ?? 0)),
  );
  const max = Math.max(0, ...totals, ...referenceLines.map((line) => line.value));
  const formatTick = (value: number) => `${tickFormat ? tickFormat(value) : String(Number(value.toPrecision(6)))}${unit}`;
  const valueLength = horizontal ? (height - 48) : (height - 40);
  const axis = valueAxis(max, { scale, domain, integer, ticks: Math.max(2, Math.min(6, Math.floor(valueLength / 45))) });
  const tickLabels = axis.ticks.map(formatTick);

  const labelsOnTop = series.some((s) => s.labelKey);
  const margin = horizontal
    ? { top: 10, right: 24, bottom: 28, left: (categoryWidth ?? 120) + 8 }
    : { top: labelsOnTop ? 24 : 12, right: referenceLines.some((line) => line.label) ? 56 : 24, bottom: 28, left: Math.max(...tickLabels.map((label) => label.length)) * CHAR_WIDTH + 16 };
  const plotWidth = Math.max(20, width - margin.left - margin.right);
  const plotHeight = Math.max(20, height - margin.top - margin.bottom);
  const categoryLength = horizontal ? plotHeight : plotWidth;
  const band = categoryLength / Math.max(1, data.length);
  // Value v at this many pixels from the axis's start (left for horizontal charts, bottom otherwise).
  const along = (value: number) => axis.fraction(value) * (horizontal ? plotWidth : plotHeight);
  // Where a category's band starts along the category axis.
  const bandStart = (index: number) => index * band;

  // Category names that fit: every n-th, so that neighbours keep a gap (as minTickGap did).
  const names = data.map(category);
  const longest = Math.max(1, ...names.map((name) => name.length)) * CHAR_WIDTH;
  const every = horizontal ? Math.max(1, Math.ceil((FONT_SIZE + 2) / band)) : Math.max(1, Math.ceil((longest + 16) / band));

  const barSeries = kind === 'bar' ? series : [];
  const groupWidth = band * 0.8;
  const barWidth = stacked ? groupWidth : groupWidth / Math.max(1, barSeries.length);

  const bars = data.flatMap((row, index) => {
    let base = 0;
    return barSeries.map((s, position) => {
      const value = numberAt(row, s.key);
      if (value === null || value <= 0 && scale === 'log') return null;
      const from = stacked ? base : scale === 'log' ? (domain?.[0] ?? 1) : 0;
      const to = stacked ? base + value : value;
      if (stacked) base = to;
      const start = Math.min(along(from), along(to));
      const length = Math.abs(along(to) - along(from));
      const offset = bandStart(index) + (band - groupWidth) / 2 + (stacked ? 0 : position * barWidth);
      const label = textAt(row, s.labelKey);
      const rect = horizontal
        ? { x: margin.left + start, y: margin.top + offset, width: length, height: barWidth }
        : { x: margin.left + offset, y: margin.top + plotHeight - start - length, width: barWidth, height: length };
      return (
        <g key={`${index}-${s.key}`}>
          <rect {...rect} fill={s.color} />
          {label ? (
            <text x={rect.x + rect.width / 2} y={rect.y - 4} textAnchor="middle" fontSize={11} fill="var(--color-fg)">
              {label}
            </text>
          ) : null}
        </g>
      );
    });
  });

  const lines =
    kind === 'line'
      ? series.map((s) => {
          const points = data.flatMap((row, index) => {
            const value = numberAt(row, s.key);
            return value === null ? [] : [`${(margin.left + bandStart(index) + band / 2).toFixed(1)},${(margin.top + plotHeight - along(value)).toFixed(1)}`];
          });
          return points.length === 0 ? null : (
            <polyline key={s.key} points={points.join(' ')} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} strokeLinejoin="round" />
          );
        })
      : [];

  function onMove(event: MouseEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const position = horizontal ? event.clientY - box.top : event.clientX - box.left;
    const index = Math.floor(position / band);
    setActive(index >= 0 && index < data.length ? index : null);
  }

  const format = (value: number | null) => (value === null ? '—' : valueFormat ? valueFormat(value) : `${String(Number(value.toPrecision(6)))}${unit}`);
  const activeRow = active === null ? undefined : data[active];
  const tipAt =
    active === null
      ? null
      : horizontal
        ? { left: margin.left + plotWidth / 2, top: margin.top + bandStart(active) + band }
        : { left: margin.left + bandStart(active) + band / 2, top: margin.top };

  return (
    <div ref={boxRef} className="relative h-full w-full">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="chart-surface block" aria-hidden="true" data-chart={kind}>
        {/* Grid along the value axis's ticks. */}
        {axis.ticks.map((tick, index) => {
          const at = along(tick);
          return horizontal ? (
            <g key={tick}>
              <line x1={margin.left + at} x2={margin.left + at} y1={margin.top} y2={margin.top + plotHeight} stroke={GRID_STROKE} />
              <text x={margin.left + at} y={margin.top + plotHeight + 16} textAnchor="middle" fontSize={FONT_SIZE} fill={AXIS_TICK.fill}>
                {tickLabels[index]}
              </text>
            </g>
          ) : (
            <g key={tick}>
              <line x1={margin.left} x2={margin.left + plotWidth} y1={margin.top + plotHeight - at} y2={margin.top + plotHeight - at} stroke={GRID_STROKE} />
              <text x={margin.left - 6} y={margin.top + plotHeight - at + 4} textAnchor="end" fontSize={FONT_SIZE} fill={AXIS_TICK.fill}>
                {tickLabels[index]}
              </text>
            </g>
          );
        })}
        {/* Category names. */}
        {names.map((name, index) =>
          index % every !== 0 ? null : horizontal ? (
            <text key={index} x={margin.left - 6} y={margin.top + bandStart(index) + band / 2 + 4} textAnchor="end" fontSize={FONT_SIZE} fill={AXIS_TICK.fill}>
              {name}
            </text>
          ) : (
            <text key={index} x={margin.left + bandStart(index) + band / 2} y={margin.top + plotHeight + 16} textAnchor="middle" fontSize={FONT_SIZE} fill={AXIS_TICK.fill}>
              {name}
            </text>
          ),
        )}
        {activeRow !== undefined && active !== null ? (
          <rect
            x={horizontal ? margin.left : margin.left + bandStart(active)}
            y={horizontal ? margin.top + bandStart(active) : margin.top}
            width={horizontal ? plotWidth : band}
            height={horizontal ? band : plotHeight}
            fill="var(--color-border)"
            opacity={0.35}
          />
        ) : null}
        {bars}
        {lines}
        {kind === 'line' && activeRow !== undefined && active !== null
          ? series.map((s) => {
              const value = numberAt(activeRow, s.key);
              return value === null ? null : <circle key={s.key} cx={margin.left + bandStart(active) + band / 2} cy={margin.top + plotHeight - along(value)} r={4} fill={s.color} />;
            })
          : null}
        {referenceLines.map((line) => {
          const at = margin.top + plotHeight - along(line.value);
          return (
            <g key={`${line.value}-${line.color}`}>
              <line x1={margin.left} x2={margin.left + plotWidth} y1={at} y2={at} stroke={line.color} strokeDasharray={line.dash} />
              {line.label ? (
                <text x={margin.left + plotWidth + 4} y={at + 4} fontSize={FONT_SIZE} fill={line.color}>
                  {line.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {/* The axes' lines. */}
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotHeight} stroke={AXIS_TICK.fill} />
        <line x1={margin.left} x2={margin.left + plotWidth} y1={margin.top + plotHeight} y2={margin.top + plotHeight} stroke={AXIS_TICK.fill} />
        <rect
          x={margin.left}
          y={margin.top}
          width={plotWidth}
          height={plotHeight}
          fill="transparent"
          onMouseMove={onMove}
          onMouseLeave={() => setActive(null)}
          data-testid="chart-hover"
        />
      </svg>
      {activeRow !== undefined && tipAt ? (
        <div
          className="pointer-events-none absolute z-10 -translate-x-1/2 rounded-md border border-border bg-bg px-3 py-2 text-xs text-fg shadow-md"
          style={{ left: Math.min(Math.max(tipAt.left, 80), width - 80), top: tipAt.top }}
          data-testid="chart-tooltip"
        >
          <p className="font-medium">{category(activeRow)}</p>
          <ul>
            {series.map((s) => (
              <li key={s.key} className="tabular-nums" style={{ color: s.color }}>
                {s.name}: {format(numberAt(activeRow, s.key))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {legend ? (
        <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs" style={{ height: LEGEND_HEIGHT }}>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <svg aria-hidden="true" width="18" height="10" viewBox="0 0 18 10">
                {kind === 'line' ? (
                  <line x1="0" x2="18" y1="5" y2="5" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
                ) : (
                  <rect x="3" y="0" width="12" height="10" fill={s.color} />
                )}
              </svg>
              <span style={{ color: s.color }}>{s.name}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
