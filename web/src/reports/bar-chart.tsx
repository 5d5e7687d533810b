import type { ReactNode } from 'react';

/** One series of a chart: its label, and the CSS class that colours its bars. */
export interface ChartSeries {
  key: string;
  label: string;
  tone: string;
}

export interface BarChartProps {
  title: string;
  /** The x-axis labels (weeks, severities…). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** values[category][series]; null draws nothing (no data, not zero). */
  values: readonly (readonly (number | null)[])[];
  /** Stacked (parts of a whole) or side by side (different measures). */
  stacked?: boolean;
  format: (value: number) => string;
  testId: string;
}

const height = 180;
const top = 12;
const bottom = 34;
const left = 8;

/**
 * A bar chart drawn as inline SVG (no chart library: a few lines of geometry keep the bundle
 * small). The drawing is hidden from screen readers; the same figures follow as a table they
 * read, visually hidden, with the legend as its column headers.
 */
export function BarChart({ title, categories, series, values, stacked = false, format, testId }: BarChartProps) {
  const totals = values.map((row) =>
    stacked
      ? row.reduce<number>((sum, value) => sum + (value ?? 0), 0)
      : Math.max(0, ...row.map((value) => value ?? 0)),
  );
  const max = Math.max(1e-9, ...totals);
  const slot = Math.max(28, Math.min(72, 640 / Math.max(1, categories.length)));
  const width = left * 2 + slot * categories.length;
  const plot = height - top - bottom;
  const barWidth = stacked ? slot * 0.6 : (slot * 0.8) / Math.max(1, series.length);
  const bars: ReactNode[] = [];
  categories.forEach((category, c) => {
    let base = 0;
    series.forEach((one, s) => {
      const value = values[c]?.[s] ?? null;
      if (value === null || value <= 0) return;
      const h = (value / max) * plot;
      const x = left + c * slot + (stacked ? slot * 0.2 : slot * 0.1 + s * barWidth);
      const y = top + plot - (stacked ? base : 0) - h;
      if (stacked) base += h;
      bars.push(
        <rect
          key={`${category}-${one.key}`}
          className={`bar ${one.tone}`}
          x={x}
          y={y}
          width={Math.max(1, barWidth - 2)}
          height={h}
        >
          <title>{`${category} · ${one.label}: ${format(value)}`}</title>
        </rect>,
      );
    });
  });
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="chart">
        <line className="axis" x1={left} x2={width - left} y1={top + plot} y2={top + plot} />
        <text className="tick" x={left} y={top - 2}>
          {format(max)}
        </text>
        {bars}
        {categories.map((category, c) => (
          <text
            key={category}
            className="tick"
            x={left + c * slot + slot / 2}
            y={height - bottom + 16}
            textAnchor="middle"
          >
            {category}
          </text>
        ))}
      </svg>
      {series.length > 1 && (
        <ul className="legend" aria-hidden="true">
          {series.map((one) => (
            <li key={one.key}>
              <span className={`swatch ${one.tone}`} />
              {one.label}
            </li>
          ))}
        </ul>
      )}
      <table className="visually-hidden" data-testid={`${testId}-table`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <td />
            {series.map((one) => (
              <th key={one.key} scope="col">
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, c) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {series.map((one, s) => {
                const value = values[c]?.[s] ?? null;
                return <td key={one.key}>{value === null ? '—' : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
