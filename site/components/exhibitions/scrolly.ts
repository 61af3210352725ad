// Scrollytelling on an exhibition page. The article works without this module; here the step being read is
// marked (its media stays in view beside its text, the others dim), next/previous steps get buttons and keys,
// and the URL's `#step-id` follows the reader so a shared link opens at that step.
import { reducedMotion } from '../comfort/motion.ts';
import { onLocaleLink } from '../common/locale-link.ts';
import { prepare, startLive, stopLive, whenIdle } from './live-media.ts';

/** Steps around the one being read whose heavy media may load; the rest stay as stills. */
const NEAR = 1;
/** How long a step's viewer waits for its stills to be decoded before it opens anyway. */
const STILL_WAIT_MS = 1500;
/** How long a reader stays on a step they moved to before its viewers open and those behind are released. Opening a
 * player, globe or 3D view is main-thread and GPU work (a video element's decoder and GPU context, a WebGL context)
 * that a switch coming meanwhile waits for: a reader paging through steps starts nothing on the steps they pass, and
 * sees each step's still, the viewer's own first picture, at once. A page opened at a step opens its viewers at once. */
const DWELL_MS = 400;

export function initExhibition(): void {
  const root = document.querySelector<HTMLElement>('[data-exhibition]');
  if (!root) return;
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step]')];
  if (!steps.length) return;
  const links = new Map([...root.querySelectorAll<HTMLAnchorElement>('[data-step-link]')].map((a) => [a.dataset.stepLink!, a]));
  root.classList.add('exh--scrolly');
  root.querySelector<HTMLElement>('[data-exh-keys]')?.removeAttribute('hidden');
  let active = -1;
  // While a scroll we started (a key, a button, a #link) is under way, the step it goes to stays the one
  // shown: the steps it passes would otherwise be reported one after another, some after it arrived.
  let navigating = false;
  let release: ReturnType<typeof setTimeout> | undefined;
  const settle = (): void => {
    clearTimeout(release);
    navigating = false;
  };
  const navigate = (scroll: () => void): void => {
    navigating = true;
    clearTimeout(release);
    scroll();
    // No scrollend comes when the page was already there (or the browser lacks the event).
    release = setTimeout(settle, 1200);
  };
  // A reader who takes the wheel or touches the page is scrolling themselves.
  for (const type of ['wheel', 'touchstart'] as const) window.addEventListener(type, settle, { passive: true });
  window.addEventListener('scrollend', () => {
    if (navigating) release = setTimeout(settle, 100);
  });

  // The step shown first, before the reader has gone anywhere, keeps its still: its live viewer (megabytes of
  // 3D or globe) waits until the step is reached by scrolling, a key, a button or a #link.
  let reached = false;
  const near = (i: number) => steps.filter((_, k) => k !== i && Math.abs(k - i) <= NEAR);
  // Once the reader has reached a step and its own viewers are on, the neighbours' viewer code is fetched while
  // the browser is idle (their stills were made ready when the step became the one shown).
  const reachStep = (i: number): void => {
    void startLive(steps[i]!).then(() =>
      whenIdle(() => {
        if (active === i) for (const s of near(i)) prepare(s, true);
      }),
    );
  };
  // A switch shows the step's mark and still in the next frame; the heavy work it starts (releasing the viewers
  // left behind; opening this step's, where a WebGL context alone takes a few hundred ms of main thread in
  // software rendering, and a player its video element, tracks and stream) waits until the step's stills are
  // decoded and a frame with them has been painted — else that work would hold the main thread before the
  // picture is shown — and is dropped if the reader has moved on.
  const afterSwitch = (i: number, reach: boolean, dwell: number): void => {
    const stills = [...steps[i]!.querySelectorAll<HTMLImageElement>('img.exh-still')];
    const decoded = Promise.all(stills.map((img) => img.decode().catch(() => undefined)));
    // A still that cannot load holds nothing up for long.
    const limit = new Promise((resolve) => setTimeout(resolve, STILL_WAIT_MS));
    void Promise.race([decoded, limit]).then(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (active !== i) return;
          for (const [k, s] of steps.entries()) if (Math.abs(k - i) > NEAR) stopLive(s);
          if (reach) reachStep(i);
        }, dwell),
      ),
    );
  };
  const setActive = (i: number, reach = true): void => {
    if (i < 0 || i >= steps.length) return;
    if (i === active) {
      if (reach && !reached) {
        reached = true;
        afterSwitch(i, true, 0);
      }
      return;
    }
    const moved = active >= 0;
    // Before this switch's frame: a viewer that would hold it back goes now (live-media.ts), the rest later.
    if (moved) stopLive(steps[active]!, true);
    active = i;
    reached = reach;
    root.dataset.activeStep = steps[i]!.id;
    steps.forEach((s, k) => {
      s.toggleAttribute('data-active', k === i);
      s.toggleAttribute('data-near', Math.abs(k - i) <= NEAR);
    });
    // The neighbours' stills are fetched and decoded now, so moving there shows its picture in the next frame.
    for (const s of near(i)) prepare(s, false);
    afterSwitch(i, reach, moved ? DWELL_MS : 0);
    for (const [id, a] of links) {
      if (id === steps[i]!.id) a.setAttribute('aria-current', 'step');
      else a.removeAttribute('aria-current');
    }
    prev.disabled = i === 0;
    next.disabled = i === steps.length - 1;
  };

  const go = (i: number): void => {
    const target = steps[Math.max(0, Math.min(steps.length - 1, i))]!;
    navigate(() => target.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' }));
    setActive(steps.indexOf(target));
    history.replaceState(null, '', `#${target.id}`);
    target.focus({ preventScroll: true });
  };

  const button = (label: string, delta: number): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => go(active + delta));
    return b;
  };
  const prev = button(root.dataset.labelPrev ?? 'Previous', -1);
  const next = button(root.dataset.labelNext ?? 'Next', 1);
  prev.dataset.exhPrev = '';
  next.dataset.exhNext = '';
  const bar = document.createElement('div');
  bar.className = 'exh-controls';
  bar.append(prev, next);
  root.append(bar);
  for (const s of steps) s.tabIndex = -1;

  // The step that crosses a line 40% down the viewport is the one being read. The observer only says when
  // to look: its entries may describe a layout already gone, so the line is measured again here.
  const atReadingLine = (): number => {
    const line = innerHeight * 0.4;
    return steps.findIndex((s) => {
      const r = s.getBoundingClientRect();
      return r.top <= line && r.bottom > line;
    });
  };
  const observer = new IntersectionObserver(
    () => {
      if (navigating) return;
      const k = atReadingLine();
      if (k >= 0) setActive(k);
    },
    { rootMargin: '-40% 0px -59% 0px' },
  );
  for (const s of steps) observer.observe(s);

  document.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented) return;
    const el = ev.target as HTMLElement | null;
    if (el?.closest('input, textarea, select, [contenteditable], video, canvas')) return;
    const delta = ev.key === 'ArrowRight' || ev.key === 'j' ? 1 : ev.key === 'ArrowLeft' || ev.key === 'k' ? -1 : 0;
    if (!delta) return;
    ev.preventDefault();
    go(active + delta);
  });

  // A #step link followed within the page (the steps list, a link in a step's text) goes to that step as a key does:
  // the browser's own jump to it would leave the step to the reading line, which a scroll still under way ignores.
  window.addEventListener('hashchange', () => {
    const k = steps.findIndex((s) => `#${s.id}` === decodeURIComponent(location.hash));
    if (k >= 0 && k !== active) go(k);
  });

  // Switching language opens the other locale's page at the step being read.
  onLocaleLink((url) => {
    if (active > 0 || location.hash) url.hash = `#${steps[active]!.id}`;
  });

  const fromHash = steps.findIndex((s) => `#${s.id}` === decodeURIComponent(location.hash));
  if (fromHash >= 0) {
    navigate(() => steps[fromHash]!.scrollIntoView({ block: 'start' }));
    setActive(fromHash);
  } else setActive(0, false);
}
