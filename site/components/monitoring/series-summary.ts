// What a monitoring series amounts to, for the scene's data page: its range, its last reading and its trend, and
// the readings split by year (the page shows the summary; each year's readings are a page of their own).
import type { MonitoringTable } from '../../../model/monitoring.ts';

export interface Reading {
  date: string;
  value: number;
}

export interface SeriesSummary {
  readings: number;
  min: Reading;
  max: Reading;
  last: Reading;
  /** Least-squares slope over the whole series, in the series' unit per year; undefined under two readings. */
  perYear: number | undefined;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

/** The readings of one column, empty cells left out. */
export function readings(table: MonitoringTable, column: string): Reading[] {
  const values = table.values[column] ?? [];
  return table.dates.flatMap((date, i) => {
    const value = values[i];
    return typeof value === 'number' ? [{ date, value }] : [];
  });
}

/** A series' summary; undefined when it has no reading. Ties keep the earliest date. */
export function summarize(table: MonitoringTable, column: string): SeriesSummary | undefined {
  const rs = readings(table, column);
  if (rs.length === 0) return undefined;
  let min = rs[0]!;
  let max = rs[0]!;
  for (const r of rs) {
    if (r.value < min.value) min = r;
    if (r.value > max.value) max = r;
  }
  return { readings: rs.length, min, max, last: rs.at(-1)!, perYear: slopePerYear(rs) };
}

function slopePerYear(rs: Reading[]): number | undefined {
  if (rs.length < 2) return undefined;
  const xs = rs.map((r) => Date.parse(`${r.date}T00:00:00Z`) / DAY_MS / YEAR_DAYS);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = rs.reduce((a, r) => a + r.value, 0) / rs.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (rs[i]!.value - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? undefined : num / den;
}

/** The years a table has dates in, in order. */
export const tableYears = (table: MonitoringTable): number[] => [...new Set(table.dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** The row indexes of one year's dates. */
export const yearRows = (table: MonitoringTable, year: number): number[] => table.dates.flatMap((d, i) => (Number(d.slice(0, 4)) === year ? [i] : []));

/** The highest threshold a value reaches, if any. */
export const levelReached = <L extends string>(value: number, thresholds: readonly { level: L; value: number }[]): L | undefined =>
  thresholds.filter((th) => value >= th.value).at(-1)?.level;
