// Ground truth for the exhibition bench's switch clock: a Chromium trace (Chrome JSON trace events, as CDP Tracing
// writes them) of one key press, read for when the key came, when the first frame after it was presented, and when
// the frame that painted the switched-to step was presented. The page marks that frame (a User Timing mark from
// inside its rAF callback); the mark's trace time stamp beside its `startTime` gives the page's clock in trace time.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid?: number;
  tid?: number;
  dur?: number;
  args?: Record<string, unknown>;
}

export interface TracedSwitch {
  /** The key's creation (the KEY_PRESSED EventLatency's start), in the page's clock (ms). */
  keyAt: number;
  /** The keydown's EventLatency: from the key to the presentation of the first frame after it. */
  keyToFirstFrameMs: number;
  /** From the key to the end of the main-thread task that rendered the marked frame (style, layout, paint, commit). */
  keyToShownRenderedMs: number;
  /** From the key to the presentation of the marked frame (its pixels on screen). */
  keyToShownPresentedMs: number;
}

const data = (e: TraceEvent): Record<string, unknown> => (e.args?.data ?? {}) as Record<string, unknown>;
const sequenceOf = (e: TraceEvent): number | undefined =>
  (
    (e.args?.begin_frame_id ?? (e.args?.animation_frame_timing_info as { begin_frame_id?: unknown } | undefined)?.begin_frame_id) as
      | { sequence_number?: number }
      | undefined
  )?.sequence_number;

/** The switch in a trace holding one key press and the page's `mark` in the frame that showed the step. Throws
 * when the trace lacks what it needs (its categories: devtools.timeline, blink.user_timing, cc, benchmark, input). */
export function tracedSwitch(events: readonly TraceEvent[], mark: string): TracedSwitch {
  const m = events.find((e) => e.name === mark && e.ph !== 'M');
  if (!m) throw new Error(`no "${mark}" mark in the trace`);
  const markAt = Number(data(m).startTime);
  const toPage = (ts: number) => markAt + (ts - m.ts) / 1000;
  const key = events.find((e) => e.name === 'EventLatency' && e.ph === 'b' && (e.args?.event_latency as { event_type?: string })?.event_type === 'KEY_PRESSED');
  if (!key) throw new Error('no KEY_PRESSED EventLatency in the trace');
  const keyEnd = events.find((e) => e.name === 'EventLatency' && e.ph === 'e' && e.pid === key.pid && e.tid === key.tid && e.ts >= key.ts);
  if (!keyEnd) throw new Error('the key press was never presented');
  // The main-thread task that ran the marked frame's rAF callbacks: the innermost RunTask around the mark.
  const mainThread = events.filter((e) => e.pid === m.pid && e.tid === m.tid);
  const task = mainThread
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts <= m.ts && e.ts + (e.dur ?? 0) >= m.ts)
    .sort((a, b) => a.ts - b.ts)
    .at(-1);
  if (!task) throw new Error('no task around the mark');
  const frame = mainThread.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X' && e.ts >= task.ts && e.ts <= m.ts);
  const sequence = frame && Number(frame.args?.begin_frame_id);
  if (sequence === undefined || Number.isNaN(sequence)) throw new Error('no BeginMainFrame around the mark');
  const presented = events.find((e) => e.name === 'AnimationFrame::Presentation' && e.pid === m.pid && sequenceOf(e) === sequence);
  if (!presented) throw new Error(`frame ${sequence} was never presented`);
  const keyAt = toPage(key.ts);
  return {
    keyAt,
    keyToFirstFrameMs: (keyEnd.ts - key.ts) / 1000,
    keyToShownRenderedMs: toPage(task.ts + (task.dur ?? 0)) - keyAt,
    keyToShownPresentedMs: toPage(presented.ts) - keyAt,
  };
}
