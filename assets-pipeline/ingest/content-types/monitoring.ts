// Monitoring: `content/monitoring/<scene>/series.yaml` and the CSV files it describes, beside a scene.
import fs from 'node:fs';
import path from 'node:path';
import { CsvProblem, monitoringMeta, parseMonitoringCsv, type MonitoringRecord, type MonitoringTable } from '../../../model/monitoring.ts';
import { fileInEachFolder, folderName, yamlContentType } from '../content-type.ts';

export const monitoring = yamlContentType<typeof monitoringMeta, MonitoringRecord>({
  name: 'monitoring',
  files: fileInEachFolder('monitoring', 'series.yaml'),
  schema: monitoringMeta,
  finish: (meta, report, ctx) => {
    let ok = true;
    const folder = folderName(ctx.file);
    if (meta.scene !== folder) {
      report(['scene'], `"${meta.scene}" must equal the folder name "${folder}"`);
      ok = false;
    } else if (!ctx.ids('scenes').has(meta.scene)) {
      report(['scene'], `unknown scene "${meta.scene}" (not in content/scenes/)`);
      ok = false;
    }
    const tables: Record<string, MonitoringTable> = {};
    meta.datasets.forEach((d, i) => {
      const file = path.join(path.dirname(ctx.file), d.file);
      if (!fs.existsSync(file)) {
        report(['datasets', i, 'file'], `file not found: ${d.file}`);
        ok = false;
        return;
      }
      try {
        tables[d.id] = parseMonitoringCsv(fs.readFileSync(file, 'utf8'), d, file);
      } catch (err) {
        if (!(err instanceof CsvProblem)) throw err;
        ctx.problems.add(file, err.line, err.field, err.detail);
        ok = false;
      }
    });
    return ok ? { id: meta.scene, meta, tables } : undefined;
  },
});
