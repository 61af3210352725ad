// The timeline: a native range input (arrow keys, Home/End, screen-reader value text for free) with one
// labelled tick per variant, earlier/later buttons (so no phase needs the thumb dragged), and the phase's
// narration read out politely when it changes.
import { useId } from 'react';
import type { ViewerVariant } from './types.ts';

export interface TimelineSliderProps {
  label: string;
  /** The earlier/later phase buttons' names. */
  previous: string;
  next: string;
  variants: ViewerVariant[];
  index: number;
  onChange: (index: number) => void;
  /** A variant whose narration the page already shows beside the viewer: not repeated while it is current. */
  narrated?: string;
}

export function TimelineSlider({ label, previous, next, variants, index, onChange, narrated }: TimelineSliderProps) {
  const id = useId();
  const current = variants[index];
  return (
    <div className="scene-timeline">
      <label htmlFor={`${id}-range`}>{label}</label>
      <div className="scene-timeline-row">
        <button type="button" onClick={() => onChange(index - 1)} disabled={index <= 0} aria-label={previous} title={previous} data-timeline-step="-1">
          <span aria-hidden="true">‹</span>
        </button>
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={variants.length - 1}
          step={1}
          value={index}
          list={`${id}-ticks`}
          aria-valuetext={current?.label}
          data-timeline
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <button type="button" onClick={() => onChange(index + 1)} disabled={index >= variants.length - 1} aria-label={next} title={next} data-timeline-step="1">
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <datalist id={`${id}-ticks`}>
        {variants.map((v, i) => (
          <option key={v.id} value={i} label={v.tick ?? v.label} />
        ))}
      </datalist>
      {/* Visible tick labels; the value text above already tells assistive technology which phase is chosen. */}
      <ol className="scene-timeline-ticks" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${variants.length}, 1fr)` }}>
        {variants.map((v, i) => (
          <li key={v.id} data-current={i === index ? 'true' : undefined}>
            {v.tick ?? v.label}
          </li>
        ))}
      </ol>
      <p className="scene-timeline-narration" aria-live="polite" data-variant={current?.id}>
        <strong>{current?.label}</strong> {current?.id === narrated ? null : current?.narration}
      </p>
    </div>
  );
}
