// The exhibition bench's switch clock: a key is paired with the first frame that paints its step shown, timed from
// the key's own stamp to that frame's end; a switch that cannot be seen is a failure, and a figure before the key
// cannot come out. Percentiles are nearest-rank, a failed switch slower than any measured one.
import { describe, expect, it } from 'vitest';
import { bothFigures, type KeyRecord, kindFigures, mainThreadTime, switchTime, trivialFrameTime } from '../../scripts/tools/switch-clock.ts';

const key = (over: Partial<KeyRecord>): KeyRecord => ({ keyAt: 1000, markedAtKey: false, handled: true, frames: [], gaveUp: false, ...over });

describe('switchTime', () => {
  it("ends at the presentation of the first frame showing the step, not at that frame's start before the key", () => {
    // The frame under way when the key came: it began at 995 (before the key), its main-thread work ended at 1004,
    // and it reached the screen at 1021.
    const t = switchTime(key({ frames: [{ frameAt: 995, shown: true, paintedAt: 1004, presentedAt: 1021 }] }));
    expect(t).toEqual({ ms: 21, renderedMs: 4, frames: 1 });
  });

  it('skips the frames in which the step was not yet shown', () => {
    const t = switchTime(
      key({
        frames: [
          { frameAt: 995, shown: false, paintedAt: null, presentedAt: null },
          { frameAt: 1012, shown: false, paintedAt: null, presentedAt: null },
          { frameAt: 1029, shown: true, paintedAt: 1036.5, presentedAt: 1050 },
        ],
      }),
    );
    expect(t).toEqual({ ms: 50, renderedMs: 36.5, frames: 3 });
  });

  it('fails a switch no frame showed, whether the page gave up or not', () => {
    const frames = [{ frameAt: 1001, shown: false, paintedAt: null, presentedAt: null }];
    expect(switchTime(key({ frames, gaveUp: true }))).toEqual({ failed: 'not shown within 1 frames' });
    expect('failed' in switchTime(key({ frames }))).toBe(true);
  });

  it('fails a step already marked when the key came (the previous state matched)', () => {
    const t = switchTime(key({ markedAtKey: true, frames: [{ frameAt: 1001, shown: true, paintedAt: 1002, presentedAt: 1010 }] }));
    expect('failed' in t).toBe(true);
  });

  it("fails a key the page's handler did not take", () => {
    const t = switchTime(key({ handled: false, frames: [{ frameAt: 1001, shown: true, paintedAt: 1002, presentedAt: 1010 }] }));
    expect('failed' in t).toBe(true);
  });

  it('fails a frame that was never presented', () => {
    const t = switchTime(key({ frames: [{ frameAt: 1001, shown: true, paintedAt: 1005, presentedAt: null }] }));
    expect(t).toEqual({ failed: 'the frame that showed the step was never presented' });
  });

  it('never gives a negative time: a presentation stamped before the key is a failure', () => {
    const t = switchTime(key({ frames: [{ frameAt: 990, shown: true, paintedAt: 994, presentedAt: 997 }] }));
    expect(t).toEqual({ failed: 'presented 3.0 ms before the key' });
  });
});

describe('kindFigures', () => {
  it('counts a failed switch as slower than every measured one', () => {
    const ok = (ms: number) => ({ ms, renderedMs: null, frames: 1 });
    // 19 measured, 1 failed: the p95 (19th of 20) is the slowest measured; with 2 failed it is a failed one.
    const times = [...Array.from({ length: 19 }, (_, i) => ok(i + 1)), { failed: 'x' }];
    expect(kindFigures(times)).toEqual({ n: 20, failed: 1, p95Ms: 19, medianMs: 10 });
    const worse = [...times.slice(1), { failed: 'y' }];
    expect(kindFigures(worse)).toEqual({ n: 20, failed: 2, p95Ms: null, medianMs: 11 });
  });

  it('has no figures without switches', () => {
    expect(kindFigures([])).toEqual({ n: 0, failed: 0, p95Ms: null, medianMs: null });
  });
});

describe('trivialFrameTime', () => {
  it('times a key the page left alone by the same clock as a switch', () => {
    const t = trivialFrameTime(key({ handled: false, frames: [{ frameAt: 998, shown: true, paintedAt: 1003, presentedAt: 1040 }] }));
    expect(t).toEqual({ ms: 40, renderedMs: 3, frames: 1 });
  });

  it('fails a key the page took: its frame is not trivial', () => {
    const t = trivialFrameTime(key({ handled: true, frames: [{ frameAt: 998, shown: true, paintedAt: 1003, presentedAt: 1040 }] }));
    expect(t).toEqual({ failed: 'the page took the key of the trivial frame' });
  });
});

describe('main-thread and on-screen figures', () => {
  it("ends the main thread's time where the frame's main-thread work ended, before its presentation", () => {
    expect(mainThreadTime({ ms: 90, renderedMs: 12, frames: 1 })).toEqual({ ms: 12, renderedMs: 12, frames: 1 });
    expect('failed' in mainThreadTime({ ms: 90, renderedMs: null, frames: 1 })).toBe(true);
    expect(mainThreadTime({ failed: 'x' })).toEqual({ failed: 'x' });
  });

  it('gives both percentiles of the same switches', () => {
    // On screen 101…120 ms, main thread 1…20 ms.
    const times = Array.from({ length: 20 }, (_, i) => ({ ms: 101 + i, renderedMs: 1 + i, frames: 1 }));
    expect(bothFigures(times)).toEqual({ n: 20, failed: 0, p95Ms: 119, medianMs: 110, mainThreadP95Ms: 19, mainThreadMedianMs: 10 });
  });
});
