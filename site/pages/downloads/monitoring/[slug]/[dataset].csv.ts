// A scene's monitoring dataset as CSV (openDataPaths.monitoringCsv): a `date` column, then one column per series
// (the units, labels and thresholds are in the scene's monitoring.json beside it). Simulated data say so in
// `#` comment lines at the top, as the source files do, so the file cannot travel without the warning.
import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { type MonitoringDataset, type MonitoringMeta, type MonitoringTable, readMonitoring, SIMULATED_MARK } from '../../../../../model/monitoring.ts';
import { readScenes } from '../../../../../model/scene.ts';

export const getStaticPaths = (() =>
  readScenes().flatMap((scene) => {
    const monitoring = readMonitoring(scene.id);
    return (monitoring?.meta.datasets ?? []).map((dataset) => ({
      params: { slug: scene.id, dataset: dataset.id },
      props: { meta: monitoring!.meta, dataset, table: monitoring!.tables[dataset.id]! },
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ meta: MonitoringMeta; dataset: MonitoringDataset; table: MonitoringTable }> = ({ props }) => {
  const { meta, dataset, table } = props;
  const columns = dataset.series.map((s) => s.column);
  const notice = meta.simulated ? `# ${SIMULATED_MARK}: ${meta.notice.en}\n` : '';
  const rows = table.dates.map((date, i) => [date, ...columns.map((c) => table.values[c]![i] ?? '')]);
  return new Response(notice + stringify([['date', ...columns], ...rows]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
