// Series styles. Colour is never the only difference: lines also differ in dash pattern and
// marker, and every series is named in the legend and in the table beneath.
export const SERIES = [
  { color: 'var(--color-primary)', dash: undefined, dot: 'circle' },
  { color: 'var(--color-series-2)', dash: '6 3', dot: 'square' },
  { color: 'var(--color-series-3)', dash: '2 3', dot: 'triangle' },
  { color: 'var(--color-series-4)', dash: '10 4', dot: 'diamond' },
  { color: 'var(--color-danger)', dash: '4 2 1 2', dot: 'star' },
  { color: 'var(--color-series-6)', dash: '1 3', dot: 'cross' },
  { color: 'var(--color-series-7)', dash: '8 2 2 2', dot: 'wye' },
] as const;

export const AXIS_TICK = { fill: 'var(--color-muted)', fontSize: 12 } as const;
export const GRID_STROKE = 'var(--color-border)';
