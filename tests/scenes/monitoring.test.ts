// The pagoda's monitoring series: the committed CSVs are exactly what the seeded simulation writes, say
// SIMULATED, parse through the schema with the right row counts and plausible magnitudes; bad CSV is reported
// with file, line and column.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monitoringDir, parseMonitoringCsv, type MonitoringDataset } from '../../model/monitoring.ts';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { monitoring as monitoringType } from '../../assets-pipeline/ingest/content-types/monitoring.ts';
import { contentDir } from '../../model/paths.ts';
import { LOCALES } from '../../model/locales.ts';
import { simulate, WEEKS } from '../../scenes/yingxian-pagoda/monitoring.ts';

const dir = monitoringDir('yingxian-pagoda');
const readMonitoring = () => {
  const { records, problems } = checkContentType(monitoringType, contentDir(), { scenes: ['yingxian-pagoda'] });
  return { monitoring: records.find((r) => r.id === 'yingxian-pagoda'), problems };
};

describe('pagoda monitoring data (SIMULATED)', () => {
  it('matches the seeded generator byte for byte', () => {
    const { files } = simulate();
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8'), name).toBe(text);
  });

  it('says SIMULATED in every file, in the metadata and in the README', () => {
    for (const f of ['tilt.csv', 'displacement.csv', 'environment.csv', 'series.yaml', 'README.md'])
      expect(fs.readFileSync(path.join(dir, f), 'utf8').slice(0, 200), f).toMatch(/SIMULATED/);
    const { monitoring } = readMonitoring();
    expect(monitoring?.meta.simulated).toBe(true);
  });

  it('explains the simulation in its notice without repeating the label the pages put before it', () => {
    const { monitoring } = readMonitoring();
    for (const locale of LOCALES) {
      const label = (JSON.parse(fs.readFileSync(`site/i18n/locales/monitoring.${locale}.json`, 'utf8')) as Record<string, string>).simulated!;
      expect(monitoring!.meta.notice[locale].toLowerCase(), locale).not.toContain(label.toLowerCase());
    }
  });

  it('parses every dataset with one row per week and realistic magnitudes', () => {
    const { monitoring, problems } = readMonitoring();
    expect(problems).toEqual([]);
    const t = monitoring!.tables;
    for (const id of ['tilt', 'displacement', 'environment']) expect(t[id]!.dates.length, id).toBe(WEEKS);
    const d2 = t.displacement!.values['storey-2']!.filter((v): v is number => v !== null);
    expect(Math.min(...d2)).toBeGreaterThan(300); // tens of centimetres at the second storey
    expect(Math.max(...d2)).toBeLessThan(500);
    const temp = t.environment!.values.temperature!.filter((v): v is number => v !== null);
    expect(Math.min(...temp)).toBeLessThan(-5); // winters below freezing
    expect(Math.max(...temp)).toBeGreaterThan(18);
    // The second storey leans most: its tilt exceeds every other level's.
    const last = (col: string) => t.tilt!.values[col]!.at(-1)!;
    for (const col of Object.keys(t.tilt!.values).filter((c) => c !== 'storey-2')) expect(last('storey-2')).toBeGreaterThan(last(col)!);
  });

  it('reports bad input by file, line and column', () => {
    const ds: MonitoringDataset = {
      id: 'x',
      file: 'x.csv',
      title: { zh: 'x', en: 'x', fr: 'x' },
      series: [{ column: 'a', label: { zh: 'a', en: 'a', fr: 'a' }, unit: 'mm', thresholds: [] }],
    };
    expect(parseMonitoringCsv('# SIMULATED\ndate,a\n2020-01-01,1.5\n2020-01-08,\n', ds).values.a).toEqual([1.5, null]);
    expect(() => parseMonitoringCsv('date,a\n2020-01-01,abc\n', ds)).toThrow(/x\.csv: line 2, column "a": "abc" is not a number/);
    expect(() => parseMonitoringCsv('date,a\n01/02/2020,1\n', ds)).toThrow(/column "date"/);
    expect(() => parseMonitoringCsv('date,b\n2020-01-01,1\n', ds)).toThrow(/no column "a"/);
  });
});
