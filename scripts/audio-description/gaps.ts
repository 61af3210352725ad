// Where audio descriptions may be spoken: only in the gaps of the dialogue, never over a line. Pure, so the rules
// are tested without espeak-ng.

export interface Timed {
  /** 1-based position in its file. */
  index: number;
  /** Milliseconds. */
  start: number;
  end: number;
}

/** Problems with where the descriptions are placed, each naming the description cue (`cue N: …`). */
export function placementProblems(descriptions: readonly Timed[], dialogue: readonly Timed[], durationMs: number): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  for (const d of descriptions) {
    if (d.start < previousEnd) problems.push(`cue ${d.index}: starts before the previous description ends`);
    if (d.end > durationMs) problems.push(`cue ${d.index}: ends after the episode (${(durationMs / 1000).toFixed(1)} s)`);
    const over = dialogue.find((l) => l.start < d.end && d.start < l.end);
    if (over) problems.push(`cue ${d.index}: overlaps dialogue line ${over.index} (${fmt(over.start)}–${fmt(over.end)})`);
    previousEnd = d.end;
  }
  return problems;
}

/** Problems with the spoken narration: a description whose speech runs on into the next dialogue line. */
export function overrunProblems(spoken: readonly (Timed & { spokenEnd: number })[], dialogue: readonly Timed[]): string[] {
  const problems: string[] = [];
  for (const s of spoken) {
    const next = dialogue.find((l) => l.start >= s.start);
    if (next && s.spokenEnd > next.start)
      problems.push(`cue ${s.index}: the speech lasts until ${fmt(s.spokenEnd)}, past dialogue line ${next.index} at ${fmt(next.start)}: shorten it`);
  }
  return problems;
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
