// Reading a Chromium trace of one key press for the switch's ground truth: the page's clock placed in trace time by
// the mark, the key's first presented frame, and the marked frame's end of rendering and presentation.
import { describe, expect, it } from 'vitest';
import { type TraceEvent, tracedSwitch } from '../../scripts/tools/trace-switch.ts';

// Trace times in µs, as Chromium writes them; the page's clock is 1,000,000 µs behind (mark at 5,006,000 µs is
// 4006 ms in the page). Renderer pid 7, main thread 7, compositor thread 9.
const events: TraceEvent[] = [
  { name: 'EventLatency', ph: 'b', ts: 5_000_000, pid: 7, tid: 9, args: { event_latency: { event_type: 'KEY_PRESSED' } } },
  { name: 'EventLatency', ph: 'b', ts: 5_003_000, pid: 7, tid: 7, args: { event_latency: { event_type: 'KEY_RELEASED' } } },
  { name: 'EventLatency', ph: 'e', ts: 5_003_500, pid: 7, tid: 7 },
  // The first frame after the key (sequence 41) does not show the step yet; it is presented at +16 ms.
  { name: 'RunTask', ph: 'X', ts: 5_001_000, dur: 2_000, pid: 7, tid: 7 },
  { name: 'ProxyMain::BeginMainFrame', ph: 'X', ts: 5_001_010, dur: 1_900, pid: 7, tid: 7, args: { begin_frame_id: 41 } },
  {
    name: 'AnimationFrame',
    ph: 'b',
    ts: 5_000_900,
    pid: 7,
    tid: 7,
    args: { animation_frame_timing_info: { begin_frame_id: { sequence_number: 41 } }, id: 'a41' },
  },
  { name: 'EventLatency', ph: 'e', ts: 5_016_000, pid: 7, tid: 9 },
  // Frame 41 is drawn in compositor frame 43: the presentation's sequence is not the main frame's.
  { name: 'AnimationFrame::Presentation', ph: 'n', ts: 5_016_000, pid: 7, tid: 7, args: { begin_frame_id: { sequence_number: 43 }, id: 'a41' } },
  // The frame that shows it (sequence 42): rAF with the mark, rendering until +9 ms, presented at +33 ms.
  {
    name: 'AnimationFrame',
    ph: 'b',
    ts: 5_004_900,
    pid: 7,
    tid: 7,
    args: { animation_frame_timing_info: { begin_frame_id: { sequence_number: 42 } }, id: 'a42' },
  },
  { name: 'RunTask', ph: 'X', ts: 5_005_000, dur: 4_000, pid: 7, tid: 7 },
  { name: 'ProxyMain::BeginMainFrame', ph: 'X', ts: 5_005_010, dur: 3_900, pid: 7, tid: 7, args: { begin_frame_id: 42 } },
  { name: 'FireAnimationFrame', ph: 'X', ts: 5_005_900, dur: 200, pid: 7, tid: 7 },
  { name: 'bench-switch-shown', ph: 'I', ts: 5_006_000, pid: 7, tid: 7, args: { data: { startTime: 4006 } } },
  { name: 'AnimationFrame::Presentation', ph: 'n', ts: 5_033_000, pid: 7, tid: 7, args: { begin_frame_id: { sequence_number: 45 }, id: 'a42' } },
  // Another renderer's frame 42 is not this page's.
  {
    name: 'AnimationFrame',
    ph: 'b',
    ts: 5_004_000,
    pid: 8,
    tid: 8,
    args: { animation_frame_timing_info: { begin_frame_id: { sequence_number: 42 } }, id: 'b42' },
  },
  { name: 'AnimationFrame::Presentation', ph: 'n', ts: 5_020_000, pid: 8, tid: 8, args: { begin_frame_id: { sequence_number: 42 }, id: 'b42' } },
];

describe('tracedSwitch', () => {
  it("times the key to the first presented frame and to the marked frame's rendering and presentation", () => {
    expect(tracedSwitch(events, 'bench-switch-shown')).toEqual({ keyAt: 4000, keyToFirstFrameMs: 16, keyToShownRenderedMs: 9, keyToShownPresentedMs: 33 });
  });

  it("prefers the keydown's Event Timing, paired by its id", () => {
    const timed: TraceEvent[] = [
      ...events,
      { name: 'EventTiming', ph: 'b', ts: 5_000_100, pid: 7, tid: 7, id: '0x41', args: { data: { type: 'keydown' } } },
      { name: 'EventTiming', ph: 'b', ts: 5_003_000, pid: 7, tid: 7, id: '0x46', args: { data: { type: 'keyup' } } },
      { name: 'EventTiming', ph: 'e', ts: 5_003_400, pid: 7, tid: 7, id: '0x46' },
      { name: 'EventTiming', ph: 'e', ts: 5_016_100, pid: 7, tid: 7, id: '0x41' },
    ];
    expect(tracedSwitch(timed, 'bench-switch-shown')).toMatchObject({ keyAt: 4000.1, keyToFirstFrameMs: 16 });
  });

  it('says what the trace lacks', () => {
    expect(() => tracedSwitch(events, 'other-mark')).toThrow(/no "other-mark" mark/);
    expect(() =>
      tracedSwitch(
        events.filter((e) => e.name !== 'EventLatency'),
        'bench-switch-shown',
      ),
    ).toThrow(/no keydown/);
    const unpresented = events.filter((e) => !(e.name === 'AnimationFrame::Presentation' && e.ts === 5_033_000));
    expect(() => tracedSwitch(unpresented, 'bench-switch-shown')).toThrow(/frame 42 was never presented/);
  });
});
