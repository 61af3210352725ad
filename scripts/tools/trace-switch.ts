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
  /** Async events' id (EventTiming's); others pair begin and end by thread. */
  id?: string;
  args?: Record<string, unknown>;
}

export interface TracedSwitch {
  /** The key's time stamp (its Event Timing's, or EventLatency's start), in the page's clock (ms). */
  keyAt: number;
  /** From the key to the presentation of the first frame after its handlers. */
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
  // The keydown as the page's Event Timing saw it (its start is the event's time stamp, its end the presentation of
  // the first frame after the handlers), else as the compositor's EventLatency did.
  const begin = (e: TraceEvent) =>
    e.ph === 'b' &&
    ((e.name === 'EventTiming' && data(e).type === 'keydown') ||
      (e.name === 'EventLatency' && (e.args?.event_latency as { event_type?: string } | undefined)?.event_type === 'KEY_PRESSED'));
  const key = events.find((e) => begin(e) && e.name === 'EventTiming') ?? events.find(begin);
  if (!key) throw new Error('no keydown (EventTiming or EventLatency) in the trace');
  const keyEnd = events.find((e) => e.name === key.name && e.ph === 'e' && e.pid === key.pid && e.ts >= key.ts && (e.id ?? e.tid) === (key.id ?? key.tid));
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
  // The frame's AnimationFrame (its begin-frame sequence) and its presentation share an id. The presentation's own
  // sequence is the compositor frame that drew it, which may be later: matching sequences would take an earlier
  // main frame drawn late for this one.
  const animationFrame = events.find((e) => e.name === 'AnimationFrame' && e.ph === 'b' && e.pid === m.pid && sequenceOf(e) === sequence);
  const id = animationFrame?.args?.id;
  if (id === undefined) throw new Error(`no AnimationFrame for frame ${sequence}`);
  const presented = events.find((e) => e.name === 'AnimationFrame::Presentation' && e.pid === m.pid && e.args?.id === id);
  if (!presented) throw new Error(`frame ${sequence} was never presented`);
  const keyAt = toPage(key.ts);
  return {
    keyAt,
    keyToFirstFrameMs: (keyEnd.ts - key.ts) / 1000,
    keyToShownRenderedMs: toPage(task.ts + (task.dur ?? 0)) - keyAt,
    keyToShownPresentedMs: toPage(presented.ts) - keyAt,
  };
}
