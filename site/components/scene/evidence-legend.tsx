import { EVIDENCE_COLOURS, LEGEND_LEVELS } from './evidence.ts';
import { fill } from '../../i18n/fill.ts';

export interface EvidenceLegendProps {
  strings: Record<string, string>;
  /** Parts per level in the model on screen. */
  counts: Record<string, number>;
}

export function EvidenceLegend({ strings: s, counts }: EvidenceLegendProps) {
  const levels = [...LEGEND_LEVELS, ...(counts.unrecorded ? (['unrecorded'] as const) : [])];
  return (
    <section className="scene-legend" aria-label={s['evidence.legend']}>
      <h3>{s['evidence.legend']}</h3>
      <ul>
        {levels.map((l) => (
          <li key={l} data-level={l}>
            <span className="scene-swatch" style={{ background: EVIDENCE_COLOURS[l] }} aria-hidden="true" />
            <strong>{s[`evidence.${l}`]}</strong>
            {s[`evidence.${l}.help`] && <span> — {s[`evidence.${l}.help`]}</span>}
            <span className="scene-legend-count"> ({fill(s['evidence.count'] ?? '', { count: counts[l] ?? 0 })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
