// Long-term monitoring series beside a scene: `content/monitoring/<scene>/series.yaml` describes CSV files in the
// same folder (one `date` column, then one numeric column per series). The page, the charts, the tests and the
// generator of simulated data read this one shape. A series may name a scene level node (e.g. `storey-2`), so a
// click on that part of the model selects it.
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { contentDir } from './paths.ts';
import { readTypeRecords } from './store.ts';
import { slug } from './schema.ts';
import { triLang } from './scene.ts';

export const THRESHOLD_LEVELS = ['warning', 'alarm'] as const;

/** How a file carrying simulated values says so in its first line (`# SIMULATED DATA …`), in every language. */
export const SIMULATED_MARK = 'SIMULATED DATA';

export const monitoringSeries = z
  .object({
    /** CSV column name. */
    column: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    label: triLang,
    /** Unit symbol as printed (mm, ′, °C, %). */
    unit: z.string().min(1),
    /** The scene level this series measures, if any. */
    node: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional(),
    thresholds: z.array(z.object({ level: z.enum(THRESHOLD_LEVELS), value: z.number() }).strict()).default([]),
  })
  .strict();

export const monitoringDataset = z
  .object({
    id: slug,
    file: z.string().regex(/^[a-z0-9][a-z0-9-]*\.csv$/),
    title: triLang,
    series: z.array(monitoringSeries).min(1),
  })
  .strict();
export type MonitoringDataset = z.infer<typeof monitoringDataset>;

export const monitoringMeta = z
  .object({
    scene: slug,
    /** True unless every value is a published measurement with a source: the UI labels simulated data as such. */
    simulated: z.boolean(),
    /** What the reader should know about the values. Pages put their own "Simulated data" label before it, so it
     * explains rather than repeats that label. */
    notice: triLang,
    /** Where the values come from (for simulated data: the generator and its assumptions). */
    source: triLang,
    datasets: z.array(monitoringDataset).min(1),
  })
  .strict();
export type MonitoringMeta = z.infer<typeof monitoringMeta>;

/** One parsed CSV: ISO dates and, per column, a value per date (null where the cell is empty). */
export interface MonitoringTable {
  dates: string[];
  values: Record<string, (number | null)[]>;
}

export interface Monitoring {
  meta: MonitoringMeta;
  tables: Record<string, MonitoringTable>;
}

export const monitoringDir = (sceneId: string, root = contentDir()): string => path.join(root, 'monitoring', sceneId);

/** A bad cell or column, with the CSV line and column it is at. */
export class CsvProblem extends Error {
  constructor(
    file: string,
    readonly line: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}: ${line ? `line ${line}, ` : ''}column "${field}": ${detail}`);
  }
}

/** Parses CSV text (lines starting with `#` are comments, e.g. the SIMULATED banner). Throws a CsvProblem naming
 * the file, line and column on bad input. */
export function parseMonitoringCsv(text: string, dataset: MonitoringDataset, file = dataset.file): MonitoringTable {
  const records = parseCsv(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  const table: MonitoringTable = { dates: [], values: Object.fromEntries(dataset.series.map((s) => [s.column, []])) };
  for (const { record, info } of records) {
    const date = record.date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new CsvProblem(file, info.lines, 'date', `"${date}" is not a YYYY-MM-DD date`);
    table.dates.push(date);
    for (const s of dataset.series) {
      const raw = record[s.column];
      if (raw === undefined) throw new CsvProblem(file, 1, s.column, `no column "${s.column}" (series "${s.column}" in series.yaml)`);
      const v = raw === '' ? null : Number(raw);
      if (v !== null && !Number.isFinite(v)) throw new CsvProblem(file, info.lines, s.column, `"${raw}" is not a number`);
      table.values[s.column]!.push(v);
    }
  }
  return table;
}

const monitoringTable = z.object({ dates: z.array(z.string()), values: z.record(z.string(), z.array(z.number().nullable())) });
/** One scene's monitoring as `heritage ingest` writes it: series.yaml and its parsed CSV files. */
export const monitoringRecord = z.object({ id: slug, meta: monitoringMeta, tables: z.record(z.string(), monitoringTable) });
export type MonitoringRecord = z.infer<typeof monitoringRecord>;

/** A scene's validated monitoring series (build/records/monitoring.json); undefined when it has none. */
export function readMonitoring(sceneId: string, dir?: string): Monitoring | undefined {
  const found = readTypeRecords('monitoring', monitoringRecord, dir).find((m) => m.id === sceneId);
  return found && { meta: found.meta, tables: found.tables };
}
