// The step-switch clock of the exhibition bench: what the page records around a key press, turned into a switch's
// time or the reason there is none, and the percentiles reported over many switches. Pure, so it is tested alone.
import { percentile } from '../bench/stats.ts';

/** One animation frame the page watched after the key: whether the step was shown in the state that frame paints,
 * when the frame's rendering (style, layout, paint) was done on the main thread, and when it reached the screen. */
export interface WatchedFrame {
  /** The frame's own time stamp (rAF's argument): the frame's start as the compositor scheduled it, which may be
   * before the key came (the frame was under way when it did), so it is never the end of a switch. */
  frameAt: number;
  shown: boolean;
  /** `performance.now()` in the first task after the frame's rendering update; null if that task never ran. */
  paintedAt: number | null;
  /** The frame's presentation (Element Timing's, of a speck of text the frame added); null if it never came. */
  presentedAt: number | null;
}

/** What the page recorded for one key press; every time in the page's clock (`performance.now()`). */
export interface KeyRecord {
  /** The key event's own time stamp (`event.timeStamp`): when the browser received the key. */
  keyAt: number;
  /** The step was already the marked one when the key came: the switch would measure nothing. */
  markedAtKey: boolean;
  /** The page's key handler took the key (it called preventDefault). */
  handled: boolean;
  frames: WatchedFrame[];
  /** The page stopped watching (the deadline passed) before a frame showed the step. */
  gaveUp: boolean;
}

/** `ms` to the presentation, `renderedMs` to the end of the main thread's rendering of the same frame, `frames`
 * the frames watched until the step was shown (1: the first frame after the key). */
export type SwitchTime = { ms: number; renderedMs: number | null; frames: number } | { failed: string };

/** From the key to the presentation of the first frame that paints the step shown: counted from the key's own time
 * stamp, so a main thread busy when the key came is in it; ended when that frame's pixels are on screen, not at the
 * frame's start nor at the end of its main-thread work (raster and compositing come after). A key whose switch
 * cannot be seen is a failure, never a time. */
export function switchTime(r: KeyRecord): SwitchTime {
  if (r.markedAtKey) return { failed: 'the step was already marked when the key came' };
  if (!r.handled) return { failed: "the page's key handler did not take the key" };
  const i = r.frames.findIndex((f) => f.shown);
  if (i < 0) return { failed: r.gaveUp ? `not shown within ${r.frames.length} frames` : 'no frame showed the step' };
  const { paintedAt, presentedAt } = r.frames[i]!;
  if (presentedAt === null) return { failed: 'the frame that showed the step was never presented' };
  // Both times are the page's own clock and the frame's presentation comes after the handler that saw the key, so a
  // negative figure means the two are not what they claim to be.
  if (presentedAt < r.keyAt) return { failed: `presented ${(r.keyAt - presentedAt).toFixed(1)} ms before the key` };
  return { ms: presentedAt - r.keyAt, renderedMs: paintedAt === null ? null : paintedAt - r.keyAt, frames: i + 1 };
}

/** A trivial frame's time (switch-recorder.ts): the same clock, for a key the page must leave alone. */
export function trivialFrameTime(r: KeyRecord): SwitchTime {
  if (r.handled) return { failed: 'the page took the key of the trivial frame' };
  return switchTime({ ...r, handled: true });
}

/** The main thread's part of a time: from the key to the end of the main-thread work of the frame that showed the
 * step (raster, compositing and presentation come after it). */
export function mainThreadTime(t: SwitchTime): SwitchTime {
  if (!('ms' in t)) return t;
  return t.renderedMs === null
    ? { failed: "the end of the frame's main-thread work was not recorded" }
    : { ms: t.renderedMs, renderedMs: t.renderedMs, frames: t.frames };
}

export interface KindFigures {
  n: number;
  failed: number;
  /** null when there is no switch, or when the percentile falls on a failed one (it took longer than any time). */
  p95Ms: number | null;
  medianMs: number | null;
}

/** A kind's figures, a failed switch counted as slower than every measured one. */
export function kindFigures(times: readonly SwitchTime[]): KindFigures {
  const xs = times.map((t) => ('ms' in t ? t.ms : Number.POSITIVE_INFINITY));
  // The median too is a nearest-rank value (the 50th percentile): a switch that was measured, or a failed one.
  const at = (p: number) => {
    const v = percentile(xs, p);
    return Number.isFinite(v) ? Math.round(v) : null;
  };
  return { n: xs.length, failed: xs.filter((x) => !Number.isFinite(x)).length, p95Ms: at(95), medianMs: at(50) };
}

/** Both figures of a set of switches: on screen (`p95Ms`, `medianMs`: key to presentation, the goal's) and on the main
 * thread (key to the end of the same frame's main-thread work). */
export interface BothFigures extends KindFigures {
  mainThreadP95Ms: number | null;
  mainThreadMedianMs: number | null;
}

export function bothFigures(times: readonly SwitchTime[]): BothFigures {
  const main = kindFigures(times.map(mainThreadTime));
  return { ...kindFigures(times), mainThreadP95Ms: main.p95Ms, mainThreadMedianMs: main.medianMs };
}
