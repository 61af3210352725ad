// Numbers in the monitoring charts' legends are written as each language writes numbers (French "423,3", not
// "423.3"), through the one formatter in model/locales.ts. Thresholds come from the pagoda's monitoring data.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatNumber, LOCALES } from '../../model/locales.ts';
import { monitoringDir, monitoringMeta } from '../../model/monitoring.ts';
import { chartSeries } from '../../site/components/monitoring/chart-payload.ts';
import { translator } from '../../site/i18n/index.ts';

describe('formatNumber', () => {
  it('writes decimals and grouping as each locale does', () => {
    expect(formatNumber(423.3, 'fr')).toBe('423,3');
    expect(formatNumber(423.3, 'en')).toBe('423.3');
    expect(formatNumber(423.3, 'zh')).toBe('423.3');
    // French groups thousands with a narrow no-break space (CLDR), English with a comma.
    expect(formatNumber(12345.6, 'fr')).toBe('12\u202f345,6');
    expect(formatNumber(12345.6, 'en')).toBe('12,345.6');
    expect(formatNumber(1 / 3, 'fr', { maximumFractionDigits: 2 })).toBe('0,33');
  });
});

describe('chart legends', () => {
  const meta = monitoringMeta.parse(parse(fs.readFileSync(path.join(monitoringDir('yingxian-pagoda'), 'series.yaml'), 'utf8')));
  const withThresholds = meta.datasets.flatMap((d) => d.series).filter((s) => s.thresholds.length > 0);

  it('give each threshold its value in the page’s number format, with its label and unit', () => {
    expect(withThresholds.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const s of withThresholds) {
        const shown = chartSeries(s, locale, t);
        shown.thresholds.forEach((th, i) => {
          const value = s.thresholds[i]!.value;
          expect(th.legend).toContain(t(`monitoring:threshold.${th.level}`));
          expect(th.legend).toContain(`${formatNumber(value, locale)}\u00a0${s.unit}`);
          // A decimal value never shows the other convention's separator.
          if (!Number.isInteger(value)) expect(th.legend).not.toContain(locale === 'fr' ? String(value) : String(value).replace('.', ','));
        });
      }
    }
  });

  it('reads "423,3 mm" in French for the second storey’s warning threshold', () => {
    const s = withThresholds.find((x) => x.thresholds.some((th) => th.value === 423.3))!;
    const fr = chartSeries(s, 'fr', translator('fr'));
    expect(fr.thresholds.find((th) => th.value === 423.3)!.legend).toBe('Seuil de vigilance\u00a0: 423,3\u00a0mm');
  });
});
