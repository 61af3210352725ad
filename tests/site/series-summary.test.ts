// The data page's summary of a monitoring series: range, last reading, trend per year, the readings by year.
// Expected values are worked out by hand from the small tables below.
import { describe, expect, it } from 'vitest';
import type { MonitoringTable } from '../../model/monitoring.ts';
import { levelReached, readings, summarize, tableYears, yearRows } from '../../site/components/monitoring/series-summary.ts';

// Two years apart to the day (2020 is a leap year: 731 days = 2.0014 years of 365.25 days).
const table: MonitoringTable = {
  dates: ['2019-01-01', '2020-01-01', '2020-07-01', '2021-01-01'],
  values: { a: [10, null, 11, 12], flat: [5, 5, 5, 5], empty: [null, null, null, null] },
};

describe('summarize', () => {
  it('gives the range with its dates, the last reading, and skips empty cells', () => {
    const s = summarize(table, 'a')!;
    expect(s.readings).toBe(3);
    expect(s.min).toEqual({ date: '2019-01-01', value: 10 });
    expect(s.max).toEqual({ date: '2021-01-01', value: 12 });
    expect(s.last).toEqual({ date: '2021-01-01', value: 12 });
  });

  it('gives the least-squares slope per year', () => {
    // Points (0, 10), (1.4976, 11), (2.0014, 12) in years from 2019-01-01: the least-squares slope is 0.9234 a year.
    expect(summarize(table, 'a')!.perYear).toBeCloseTo(0.9234, 3);
    expect(summarize(table, 'flat')!.perYear).toBe(0);
  });

  it('has nothing to say about a series without readings, and no trend from one reading', () => {
    expect(summarize(table, 'empty')).toBeUndefined();
    expect(readings(table, 'missing')).toEqual([]);
    const one: MonitoringTable = { dates: ['2020-01-01'], values: { a: [3] } };
    expect(summarize(one, 'a')!.perYear).toBeUndefined();
  });
});

describe('readings by year', () => {
  it('lists the years in order and each year’s rows', () => {
    expect(tableYears(table)).toEqual([2019, 2020, 2021]);
    expect(yearRows(table, 2020)).toEqual([1, 2]);
    expect(yearRows(table, 2022)).toEqual([]);
  });
});

describe('levelReached', () => {
  const thresholds = [
    { level: 'warning', value: 10 },
    { level: 'alarm', value: 12 },
  ] as const;
  it('names the highest threshold reached, the threshold itself included', () => {
    expect(levelReached(9.9, thresholds)).toBeUndefined();
    expect(levelReached(10, thresholds)).toBe('warning');
    expect(levelReached(12.5, thresholds)).toBe('alarm');
  });
});
