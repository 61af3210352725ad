// What the exhibition bench runs inside the page to time a key press (scripts/bench/exhibition.ts drives it):
// a step switch, from the key to the frame that shows the step, and a trivial frame, from a key the page ignores to
// the frame that only adds a speck of text, the floor under every switch on the same page at the same moment. Both
// record a KeyRecord (switch-clock.ts) on `window`; the clock pairs the key with its frame.
// Strings, not functions, for page.evaluate: tsx's keepNames would inject a __name helper the page does not have.

/** The User Timing mark (and Element Timing identifier) of the frame that showed the switched-to step. */
export const SHOWN_MARK = 'bench-switch-shown';
/** The Element Timing identifier of the trivial frame's speck. */
const TRIVIAL_MARK = 'bench-trivial-frame';
/** How long the page watches frames for a switched-to step to be shown before the switch counts as failed. Long:
 * leaving an open globe, a switch took from 10 s to over 60 s at load 30. */
export const WATCH_MS = 180_000;
/** How long after the frame that showed the step its presentation may come before the switch counts as failed. */
const PRESENT_MS = 60_000;

/** Page-side: `present(frame, id, done)`, called from inside a rAF callback, records in `frame` when the frame's
 * main-thread rendering ended (a task posted from inside it runs once style, layout and paint are done) and when it
 * reached the screen: a speck of text added to the frame, registered for Element Timing, is reported with the
 * presentation time of the first frame that paints it (this one, or the next presented if it is dropped). */
const PRESENT = `(frame, id, done) => {
  const after = new MessageChannel();
  after.port1.onmessage = () => { frame.paintedAt = performance.now(); };
  after.port2.postMessage(null);
  const probe = document.createElement('span');
  probe.setAttribute('elementtiming', id);
  probe.textContent = '.';
  probe.style.cssText = 'position:fixed;left:0;top:0;font:4px/4px sans-serif;color:#000;pointer-events:none;z-index:2147483647';
  const presented = new PerformanceObserver((list) => {
    const e = list.getEntries().find((x) => x.identifier === id);
    if (!e) return;
    presented.disconnect();
    clearTimeout(never);
    probe.remove();
    frame.presentedAt = e.presentationTime ?? e.renderTime;
    done();
  });
  presented.observe({ type: 'element' });
  const never = setTimeout(() => { presented.disconnect(); probe.remove(); done(); }, ${PRESENT_MS});
  document.body.append(probe);
}`;

// A switch's time, measured inside the page (no round trip to the bench in it): from the key press — the event's
// own time stamp, so a main thread busy when the key came is counted — to the presentation of the first frame that
// paints the step shown: it is the marked step and each of its media is on screen, either its live viewer (on) or
// its still, laid out (not hidden behind a loading viewer), loaded and at full opacity, and the stills are decoded
// (their `decode()`, asked for when the switch is armed, settled before that frame, so the frame paints the picture;
// the bench presses the key once it has, and logs the wait: a page that decodes its neighbours ahead makes it a frame). The frame is watched from rAF
// callbacks. The frame's own time stamp (rAF's argument) is not used: it is when the compositor began the frame,
// often before the key came, which made switches shown in their first frame read −3 to −8 ms. Work the switch
// starts after that frame (a viewer opening) is not the switch's: the reader already sees the step.
export const ARM_SWITCH = (id: string) => `(() => {
  window.__switch = undefined;
  const present = ${PRESENT};
  const root = document.querySelector('[data-exhibition]');
  const step = document.getElementById(${JSON.stringify(id)});
  // The stills' decode() asked for before the key: Chromium settles it only after a commit, so asked for at the key
  // it would hold every switch to its second frame, though the first paints the picture of a decoded still.
  let decoded = false;
  const armedAt = performance.now();
  const decoding = Promise.all([...step.querySelectorAll('img.exh-still')].map((i) => i.decode().catch(() => undefined))).then(() => {
    decoded = true;
  });
  addEventListener('keydown', (ev) => {
    const keyAt = ev.timeStamp;
    // This listener (window, capture) runs before the page's own (document, bubbling).
    const markedAtKey = root.dataset.activeStep === step.id;
    const stills = (f) => [...f.querySelectorAll(':scope > img.exh-still')];
    // For the log: were the step's stills already loaded when the key came, and how long did the main thread
    // spend in long tasks before the step was shown.
    const loaded = [...step.querySelectorAll('img.exh-still')].every((i) => i.complete && i.naturalWidth > 0);
    let longTasks = 0;
    const watch = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks += e.duration; });
    watch.observe({ type: 'longtask' });
    const shown = (f) => f.dataset.liveState === 'on' || stills(f).every((i) =>
      i.getClientRects().length > 0 && i.complete && i.naturalWidth > 0 && getComputedStyle(i).opacity === '1');
    const frames = [];
    const done = (gaveUp) => {
      for (const e of watch.takeRecords()) longTasks += e.duration;
      watch.disconnect();
      window.__switch = { record: { keyAt, markedAtKey, handled: ev.defaultPrevented, frames, gaveUp }, loaded, longTasks };
    };
    const check = (frameAt) => {
      const ok = decoded && root.dataset.activeStep === step.id && [...step.querySelectorAll('.exh-medium')].every(shown);
      const frame = { frameAt, shown: ok, paintedAt: null, presentedAt: null };
      frames.push(frame);
      if (!ok) {
        if (performance.now() - keyAt > ${WATCH_MS}) return done(true);
        return requestAnimationFrame(check);
      }
      performance.mark(${JSON.stringify(SHOWN_MARK)});
      present(frame, ${JSON.stringify(SHOWN_MARK)}, () => done(false));
    };
    requestAnimationFrame(check);
  }, { capture: true, once: true });
  // Settles (with how long it waited) once the stills are decoded, or after 5 s: the bench presses the key then.
  return Promise.race([decoding, new Promise((r) => setTimeout(r, 5000))]).then(() => performance.now() - armedAt);
})()`;

/** The key the trivial frame is timed from: one the exhibition page has no use for. */
export const TRIVIAL_KEY = 'Shift';

// The floor: the same page, the same clock, for a frame that changes nothing but the speck. From a key the page
// ignores (`handled` then says whether the page took it, which it must not), the first frame after it adds the speck.
export const ARM_TRIVIAL = `(() => {
  window.__trivial = undefined;
  const present = ${PRESENT};
  addEventListener('keydown', (ev) => {
    const keyAt = ev.timeStamp;
    const markedAtKey = false;
    requestAnimationFrame((frameAt) => {
      const frame = { frameAt, shown: true, paintedAt: null, presentedAt: null };
      present(frame, ${JSON.stringify(TRIVIAL_MARK)}, () => {
        window.__trivial = { record: { keyAt, markedAtKey, handled: ev.defaultPrevented, frames: [frame], gaveUp: false } };
      });
    });
  }, { capture: true, once: true });
})()`;
