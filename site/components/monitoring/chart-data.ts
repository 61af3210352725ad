// What the monitoring charts receive (the scene's monitoring.json, or an exhibition step's props): already
// localized, so the browser script carries no schema and no other language.
export interface ChartSeries {
  column: string;
  label: string;
  unit: string;
  node?: string;
  /** `legend`: the threshold's line in the legend, its value written as the page's language writes numbers. */
  thresholds: { level: 'warning' | 'alarm'; value: number; label: string; legend: string }[];
}

export interface ChartDataset {
  id: string;
  title: string;
  dates: string[];
  values: Record<string, (number | null)[]>;
  series: ChartSeries[];
  /** Datasets whose series name levels show one series at a time (the selected level). */
  perLevel: boolean;
}

export interface ChartPayload {
  scene: string;
  /** The page's BCP 47 language tag: Chart.js writes the axis and tooltip numbers in it. */
  locale: string;
  datasets: ChartDataset[];
  initial?: string;
}

export const THRESHOLD_COLOURS = { warning: '#b85c00', alarm: '#b3261e' } as const;
