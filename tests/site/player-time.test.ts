// The player's current cue: the last one started, found by binary search over up to 20,000 cues.
import { describe, expect, it } from 'vitest';
import { activeCueIndex } from '../../site/components/drama/player-time.ts';

describe('activeCueIndex', () => {
  const cues = [{ start: 1 }, { start: 2 }, { start: 2 }, { start: 5 }];

  it('is -1 before the first cue and the last cue started otherwise (50 ms early, as timeupdate lags)', () => {
    expect(activeCueIndex(cues, 0)).toBe(-1);
    expect(activeCueIndex(cues, 0.96)).toBe(0);
    expect(activeCueIndex(cues, 1.5)).toBe(0);
    expect(activeCueIndex(cues, 2)).toBe(2);
    expect(activeCueIndex(cues, 4.99)).toBe(3);
    expect(activeCueIndex(cues, 1e6)).toBe(3);
    expect(activeCueIndex([], 3)).toBe(-1);
  });

  it('agrees with a linear scan over 20,000 cues', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 0.7 + (i % 3) * 0.1 }));
    for (const t of [0, 0.3, 700.05, 9_999.9, 13_999, 20_000]) {
      let expected = -1;
      for (let k = 0; k < many.length; k++) if (many[k]!.start <= t + 0.05) expected = k;
      expect(activeCueIndex(many, t), String(t)).toBe(expected);
    }
  });
});
