import { fill } from '../../i18n/fill.ts';
import type { ViewerTourStep } from './types.ts';

export interface TourBarProps {
  strings: Record<string, string>;
  tour: ViewerTourStep[];
  /** -1 before the tour starts. */
  step: number;
  onStep: (i: number) => void;
}

/** The tour's buttons and step count, below the view. */
export function TourBar({ strings: s, tour, step, onStep }: TourBarProps) {
  const current = tour[step];
  return (
    <section className="scene-tour" aria-label={s['tour.label']}>
      <div className="scene-tour-controls">
        <button type="button" disabled={step <= 0} onClick={() => onStep(step - 1)}>
          {s['tour.previous']}
        </button>
        <button type="button" disabled={step >= tour.length - 1} onClick={() => onStep(step + 1)} data-tour-next>
          {step < 0 ? s['tour.start'] : s['tour.next']}
        </button>
        {current && <span className="scene-tour-count">{fill(s['tour.step'] ?? '', { n: step + 1, total: tour.length })}</span>}
      </div>
    </section>
  );
}

/** The current step's narration as a caption over the view (read where the eyes are, as in a film), announced
 * politely. Empty before the tour starts; never `hidden`, since a live region that appears is not reliably read. */
export function TourCaption({ tour, step }: Pick<TourBarProps, 'tour' | 'step'>) {
  const text = tour[step]?.narration ?? '';
  return (
    <p className="scene-tour-narration" aria-live="polite" data-tour-step={step}>
      {text}
    </p>
  );
}
