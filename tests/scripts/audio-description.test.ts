// Where scripts/make-audio-description.ts lets a description be spoken: in the dialogue's gaps only.
import { describe, expect, it } from 'vitest';
import { overrunProblems, placementProblems } from '../../scripts/audio-description/gaps.ts';

const dialogue = [
  { index: 1, start: 1000, end: 3000 },
  { index: 2, start: 10_000, end: 12_000 },
];

describe('audio-description placement', () => {
  it('accepts descriptions in the gaps', () => {
    expect(placementProblems([{ index: 1, start: 3500, end: 9500 }], dialogue, 20_000)).toEqual([]);
  });

  it('names a description over a line, one past the end, and one starting before the previous ends', () => {
    const problems = placementProblems(
      [
        { index: 1, start: 2000, end: 4000 },
        { index: 2, start: 3500, end: 5000 },
        { index: 3, start: 13_000, end: 21_000 },
      ],
      dialogue,
      20_000,
    );
    expect(problems).toEqual([
      'cue 1: overlaps dialogue line 1 (1.00 s–3.00 s)',
      'cue 2: starts before the previous description ends',
      'cue 3: ends after the episode (20.0 s)',
    ]);
  });

  it('names speech that runs on into the next line', () => {
    expect(overrunProblems([{ index: 1, start: 3500, end: 9500, spokenEnd: 9900 }], dialogue)).toEqual([]);
    expect(overrunProblems([{ index: 1, start: 3500, end: 9500, spokenEnd: 10_400 }], dialogue)).toEqual([
      'cue 1: the speech lasts until 10.40 s, past dialogue line 2 at 10.00 s: shorten it',
    ]);
  });
});
