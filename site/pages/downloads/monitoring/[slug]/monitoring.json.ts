// A scene's monitoring series as one JSON file (openDataPaths.monitoringJson): series.yaml's description (what is
// measured, units, labels in every language, thresholds, whether the data are simulated) with each dataset's
// dates and values, and the address of its CSV.
import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataPaths } from '../../../../../formats/urls.ts';
import { type Monitoring, readMonitoring } from '../../../../../model/monitoring.ts';
import { readScenes } from '../../../../../model/scene.ts';

export const getStaticPaths = (() =>
  readScenes().flatMap((scene) => {
    const monitoring = readMonitoring(scene.id);
    return monitoring ? [{ params: { slug: scene.id }, props: { monitoring } }] : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ monitoring: Monitoring }> = ({ props }) => {
  const { meta, tables } = props.monitoring;
  const doc = {
    ...meta,
    datasets: meta.datasets.map(({ file: _file, ...d }) => ({ ...d, csv: openDataPaths.monitoringCsv(meta.scene, d.id), ...tables[d.id]! })),
  };
  return new Response(JSON.stringify(doc, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
