// Browser half of the monitoring panel: Chart.js line charts from a payload built at build time (chart-payload.ts;
// the scene page fetches it, an exhibition step carries its window of it). A level chosen in the
// <select> or clicked in the 3D viewer (its `heritage:scene-level` event) becomes the series shown; thresholds
// are drawn as dashed horizontal datasets (Chart.js has no built-in annotation; a line dataset per threshold
// needs no plugin), and the part of a series beyond a threshold is drawn in the threshold's colour.
import { fill } from '../../i18n/fill.ts';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset as CJSDataset } from 'chart.js';
import { LEVEL_SELECT_EVENT, type LevelSelectDetail } from '../scene/types.ts';
import { reducedMotion } from '../comfort/motion.ts';
import { THRESHOLD_COLOURS, type ChartDataset, type ChartPayload, type ChartSeries } from './chart-data.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const LINE_COLOURS = ['#0072b2', '#009e73', '#cc79a7', '#56b4e9'];

function datasetsFor(d: ChartDataset, shown: ChartSeries[]): CJSDataset<'line', (number | null)[]>[] {
  const out: CJSDataset<'line', (number | null)[]>[] = [];
  shown.forEach((s, i) => {
    const colour = LINE_COLOURS[i % LINE_COLOURS.length]!;
    const limits = [...s.thresholds].sort((a, b) => a.value - b.value);
    const over = (v: number | undefined) => [...limits].reverse().find((th) => v !== undefined && v >= th.value);
    out.push({
      label: `${s.label} (${s.unit})`,
      data: d.values[s.column] ?? [],
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 1.5,
      pointRadius: 0,
      yAxisID: d.perLevel || i === 0 ? 'y' : 'y1',
      segment: { borderColor: (ctx) => (over(ctx.p1.parsed.y ?? undefined) ? THRESHOLD_COLOURS[over(ctx.p1.parsed.y ?? undefined)!.level] : colour) },
    });
    for (const th of limits)
      out.push({
        label: th.legend,
        data: d.dates.map(() => th.value),
        borderColor: THRESHOLD_COLOURS[th.level],
        backgroundColor: THRESHOLD_COLOURS[th.level],
        borderDash: th.level === 'alarm' ? [8, 4] : [3, 3],
        borderWidth: 1.5,
        pointRadius: 0,
        yAxisID: d.perLevel || i === 0 ? 'y' : 'y1',
      });
  });
  return out;
}

export function mountMonitoringCharts(payload: ChartPayload, root: ParentNode = document): void {
  const select = root.querySelector<HTMLSelectElement>('[data-monitoring-level]');
  const status = root.querySelector<HTMLElement>('[data-monitoring-selected]');
  const reduced = reducedMotion();
  const charts = new Map<string, Chart<'line', (number | null)[], string>>();
  let level = payload.initial;

  const shownSeries = (d: ChartDataset) => (d.perLevel ? d.series.filter((s) => s.node === level) : d.series);
  for (const d of payload.datasets) {
    const canvas = root.querySelector<HTMLCanvasElement>(`canvas[data-chart="${d.id}"]`);
    if (!canvas) continue;
    const twoUnits = !d.perLevel && new Set(d.series.map((s) => s.unit)).size > 1;
    const chart = new Chart<'line', (number | null)[], string>(canvas, {
      type: 'line',
      data: { labels: d.dates, datasets: datasetsFor(d, shownSeries(d)) },
      options: {
        locale: payload.locale,
        animation: reduced ? false : { duration: 300 },
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          // Year and month only: weekly ISO dates would crowd the axis.
          x: { ticks: { maxTicksLimit: 5, maxRotation: 0, callback: (v) => d.dates[Number(v)]?.slice(0, 7) ?? '' } },
          y: { title: { display: true, text: d.series[0]?.unit ?? '' } },
          ...(twoUnits
            ? { y1: { position: 'right' as const, grid: { drawOnChartArea: false }, title: { display: true, text: d.series[1]?.unit ?? '' } } }
            : {}),
        },
        plugins: { legend: { labels: { boxHeight: 2 } } },
      },
    });
    charts.set(d.id, chart);
    canvas.dataset.series = shownSeries(d)
      .map((s) => s.column)
      .join(' ');
  }

  const choose = (node: string) => {
    const known = payload.datasets.some((d) => d.series.some((s) => s.node === node));
    if (!known) return;
    level = node;
    if (select) select.value = node;
    for (const d of payload.datasets) {
      if (!d.perLevel) continue;
      const chart = charts.get(d.id);
      if (!chart) continue;
      chart.data.datasets = datasetsFor(d, shownSeries(d));
      chart.update();
      chart.canvas.dataset.series = shownSeries(d)
        .map((s) => s.column)
        .join(' ');
      chart.canvas.setAttribute('aria-label', `${d.title} — ${shownSeries(d)[0]?.label ?? ''}`);
    }
    const label = select?.selectedOptions[0]?.textContent ?? node;
    if (status) status.textContent = status.dataset.template ? fill(status.dataset.template, { label }) : label;
    document.querySelector('[data-monitoring]')?.setAttribute('data-selected', node);
    delete document.querySelector<HTMLElement>('[data-monitoring]')?.dataset.pending;
  };
  select?.addEventListener('change', () => choose(select.value));
  addEventListener(LEVEL_SELECT_EVENT, (e) => {
    const detail = (e as CustomEvent<LevelSelectDetail>).detail;
    if (detail.scene === payload.scene) choose(detail.node);
  });
  const section = document.querySelector<HTMLElement>('[data-monitoring]');
  const pending = section?.dataset.pending;
  if (pending) choose(pending);
  else if (level) section?.setAttribute('data-selected', level);
  section?.setAttribute('data-charts', 'ready');
}
