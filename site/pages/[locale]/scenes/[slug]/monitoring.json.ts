// The monitoring charts' data for a scene page, one file per scene and locale (sceneMonitoringPath); the page
// shows the same data as tables and its charts fetch this when they start.
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartPayload } from '../../../../components/monitoring/chart-payload.ts';
import { translator } from '../../../../i18n/index.ts';
import { LOCALES, type Locale } from '../../../../../model/locales.ts';
import { type Monitoring, readMonitoring } from '../../../../../model/monitoring.ts';
import { readScenes, type Scene } from '../../../../../model/scene.ts';

export const getStaticPaths = (() =>
  readScenes().flatMap((scene) => {
    const monitoring = readMonitoring(scene.id);
    return monitoring ? LOCALES.map((locale) => ({ params: { locale, slug: scene.id }, props: { scene, monitoring } })) : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ scene: Scene; monitoring: Monitoring }> = ({ params, props }) => {
  const locale = params.locale as Locale;
  const payload = chartPayload(props.monitoring, props.scene.levels, locale, translator(locale));
  return new Response(JSON.stringify(payload), { headers: { 'Content-Type': 'application/json' } });
};
