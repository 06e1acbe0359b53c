'use client';

import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QueueAgeRow, RetentionMetrics } from '@/lib/schemas/metrics';
import { AXIS_TICK, GRID_STROKE, SERIES } from './chart-theme';
import { formatCount, formatDecimal, formatHours, formatRatio } from './metrics-format';

// Every Recharts chart of /metrics, in the one module the page loads after it is shown
// (lazy-charts.tsx imports it with next/dynamic, ssr: false): Recharts is most of the page's
// JavaScript, and the tables beneath the charts, server-rendered, already hold every number.
// Each chart is one image to assistive technology (role="img", named by `label`); the
// placeholder shown while this module loads is not (lazy-charts.tsx).

/** The chart as one image, named; it fills the box its figure keeps for it. */
function ChartImage({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="img" aria-label={`${label} The same numbers are in the table below.`} className="h-full w-full">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export interface ChartProps<Row> {
  /** What the chart shows, in words (its accessible name). */
  label: string;
  data: Row[];
}

export function FunnelTotalChart({ label, data }: ChartProps<{ label: string; value: number | null }>) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
        <XAxis type="number" scale="log" domain={[1, 'auto']} allowDataOverflow tick={AXIS_TICK} tickFormatter={(value: number) => formatCount(value)} />
        <YAxis type="category" dataKey="label" width={170} tick={AXIS_TICK} />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Bar dataKey="value" name="Count" fill={SERIES[0].color} isAnimationActive={false} />
      </BarChart>
    </ChartImage>
  );
}

export function FunnelBucketsChart({ label, data, series }: ChartProps<{ name: string }> & { series: readonly { key: string; label: string }[] }) {
  return (
    <ChartImage label={label}>
      <LineChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis dataKey="name" tick={AXIS_TICK} minTickGap={16} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} />
        <Tooltip />
        <Legend />
        {series.map((stage, i) => {
          const style = SERIES[i % SERIES.length]!;
          return <Line key={stage.key} type="monotone" dataKey={stage.key} name={stage.label} stroke={style.color} strokeDasharray={style.dash} dot={false} isAnimationActive={false} />;
        })}
      </LineChart>
    </ChartImage>
  );
}

export function FalsePositiveRateChart({ label, data }: ChartProps<{ label: string; percent: number | null }>) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit=" %" tick={AXIS_TICK} />
        <YAxis type="category" dataKey="label" width={200} tick={AXIS_TICK} />
        <Tooltip formatter={(value) => `${Number(value).toFixed(1)} %`} />
        <Bar dataKey="percent" name="False-positive rate" fill={SERIES[2].color} isAnimationActive={false} />
      </BarChart>
    </ChartImage>
  );
}

export function ReviewTimeChart({ label, data, deadlineHours }: ChartProps<{ name: string; median: number | null; p90: number | null }> & { deadlineHours: number }) {
  return (
    <ChartImage label={label}>
      <LineChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis dataKey="name" tick={AXIS_TICK} minTickGap={16} />
        <YAxis unit=" h" tick={AXIS_TICK} />
        <Tooltip formatter={(value) => formatHours(Number(value))} />
        <Legend />
        <ReferenceLine y={deadlineHours} stroke="var(--color-danger)" strokeDasharray="4 4" label={{ value: `${deadlineHours} h deadline`, position: 'insideTopRight', fill: 'var(--color-danger)' }} />
        <Line type="monotone" dataKey="median" name="Median" stroke={SERIES[0].color} connectNulls isAnimationActive={false} />
        <Line type="monotone" dataKey="p90" name="90th percentile" stroke={SERIES[2].color} strokeDasharray={SERIES[2].dash} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartImage>
  );
}

export function QueueAgeChart({ label, data }: ChartProps<QueueAgeRow>) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} />
        <Tooltip />
        <Legend />
        <Bar dataKey="open" name="Waiting" fill={SERIES[0].color} isAnimationActive={false} />
        <Bar dataKey="pastDeadline" name="Of which past the deadline" fill={SERIES[4].color} isAnimationActive={false} />
      </BarChart>
    </ChartImage>
  );
}

export function IntrusionChart({ label, data }: ChartProps<{ name: string; value: number | null }>) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="name" tick={AXIS_TICK} minTickGap={16} />
        <YAxis tick={AXIS_TICK} />
        <Tooltip formatter={(value) => formatDecimal(Number(value))} />
        <Bar dataKey="value" name="Reveals per decided hit" fill={SERIES[3].color} isAnimationActive={false} />
      </BarChart>
    </ChartImage>
  );
}

export interface DisparityDatum {
  name: string;
  hit: number | null;
  falsePositive: number | null;
  hitLabel: string;
  falsePositiveLabel: string;
}

export function DisparityChart({ label, data, highRatio, lowRatio }: ChartProps<DisparityDatum> & { highRatio: number; lowRatio: number }) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="name" tick={AXIS_TICK} />
        <YAxis tick={AXIS_TICK} unit="×" />
        <Tooltip formatter={(value) => formatRatio(Number(value))} />
        <Legend />
        <ReferenceLine y={1} stroke="var(--color-muted)" />
        <ReferenceLine y={highRatio} stroke="var(--color-danger)" strokeDasharray="4 4" label={{ value: `${highRatio}×`, position: 'right', fill: 'var(--color-danger)' }} />
        <ReferenceLine y={lowRatio} stroke="var(--color-warn)" strokeDasharray="4 4" label={{ value: `${lowRatio}×`, position: 'right', fill: 'var(--color-warn)' }} />
        <Bar dataKey="hit" name="Hit rate ÷ overall" fill={SERIES[0].color} isAnimationActive={false}>
          <LabelList dataKey="hitLabel" position="top" fill="var(--color-fg)" fontSize={11} />
        </Bar>
        <Bar dataKey="falsePositive" name="False-positive rate ÷ overall" fill={SERIES[2].color} isAnimationActive={false}>
          <LabelList dataKey="falsePositiveLabel" position="top" fill="var(--color-fg)" fontSize={11} />
        </Bar>
      </BarChart>
    </ChartImage>
  );
}

export function RetentionAgeChart({ label, data }: ChartProps<RetentionMetrics['ageBands'][number]>) {
  return (
    <ChartImage label={label}>
      <BarChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickFormatter={(value: number) => formatCount(value)} />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
        <Bar dataKey="identifiable" name="Identifiable" stackId="age" fill={SERIES[4].color} isAnimationActive={false} />
        <Bar dataKey="masked" name="Masked" stackId="age" fill={SERIES[5].color} isAnimationActive={false} />
        <Bar dataKey="erased" name="Erased" stackId="age" fill={SERIES[0].color} isAnimationActive={false} />
      </BarChart>
    </ChartImage>
  );
}
