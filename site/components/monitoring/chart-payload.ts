// Build-time half of the monitoring charts: what they draw for one scene in one language. The scene page renders
// the same data as tables (there without JavaScript); the charts fetch this payload from the scene's
// monitoring.json when they start, so the page does not carry its data twice.
import { formatNumber, LOCALE_TAGS, type Locale } from '../../../model/locales.ts';
import type { Monitoring, MonitoringDataset } from '../../../model/monitoring.ts';
import type { SceneLevel } from '../../../model/scene.ts';
import type { ChartPayload, ChartSeries } from './chart-data.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A series as the charts label it, in the page's language. */
export function chartSeries(s: MonitoringDataset['series'][number], locale: Locale, t: Translate): ChartSeries {
  return {
    column: s.column,
    label: s.label[locale],
    unit: s.unit,
    ...(s.node ? { node: s.node } : {}),
    thresholds: s.thresholds.map((th) => {
      const label = t(`monitoring:threshold.${th.level}`);
      return { ...th, label, legend: t('monitoring:threshold.legend', { label, value: formatNumber(th.value, locale), unit: s.unit }) };
    }),
  };
}

/** The scene levels a series measures: those the level picker offers. */
export function pickableLevels(monitoring: Monitoring, levels: SceneLevel[]): SceneLevel[] {
  return levels.filter((l) => monitoring.meta.datasets.some((d) => d.series.some((s) => s.node === l.node)));
}

/** The level shown first. The most discussed level (largest latest displacement or tilt) is not knowable in
 * general, so it is the first level with a threshold crossed by its latest value, else the first level. */
export function initialLevel(monitoring: Monitoring, levels: SceneLevel[]): string | undefined {
  const { meta, tables } = monitoring;
  const pickable = pickableLevels(monitoring, levels);
  const crossed = pickable.find((l) =>
    meta.datasets.some((d) => {
      const s = d.series.find((x) => x.node === l.node);
      const v = s && tables[d.id]?.values[s.column]?.at(-1);
      return s && typeof v === 'number' && s.thresholds.some((th) => v >= th.value);
    }),
  );
  return (crossed ?? pickable[0])?.node;
}

export function chartPayload(monitoring: Monitoring, levels: SceneLevel[], locale: Locale, t: Translate): ChartPayload {
  const { meta, tables } = monitoring;
  const levelNodes = new Set(levels.map((l) => l.node));
  const initial = initialLevel(monitoring, levels);
  return {
    scene: meta.scene,
    locale: LOCALE_TAGS[locale],
    datasets: meta.datasets.map((d) => ({
      id: d.id,
      title: d.title[locale],
      dates: tables[d.id]!.dates,
      values: tables[d.id]!.values,
      perLevel: d.series.some((s) => s.node && levelNodes.has(s.node)),
      series: d.series.map((s) => chartSeries(s, locale, t)),
    })),
    ...(initial ? { initial } : {}),
  };
}
