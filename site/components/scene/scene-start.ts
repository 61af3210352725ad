// The scene page's only script until the visitor asks for the 3D view. The page shows the scene's committed still
// with a button over it; the viewer (three, React, R3F and the model decoder, ~450 KB of script before any model)
// loads on that button, by pointer or keyboard, or at once when the visitor came for the view itself: a
// `#hotspot` link into it. A visitor on a phone or a slow connection reads the page and sees the view's picture
// first, and pays for the 3D only when they choose it. Without JavaScript the still and the text stay.
import { createEarlyContext } from './early-gl.ts';
import { gapAfter } from '../../i18n/spacing.ts';

const root = document.querySelector<HTMLElement>('[data-island="scene-viewer"]');
const button = root?.querySelector<HTMLButtonElement>('[data-scene-start]');
const hotspots = new Set((root?.dataset.hotspots ?? '').split(' ').filter(Boolean));
let started = false;

/** Where no WebGL context can be made, the viewer would only say so: the notice replaces the button, and the
 * 450 KB are not fetched. */
function noWebgl(): void {
  if (!button) return;
  const notice = document.createElement('p');
  notice.className = 'scene-fallback';
  notice.setAttribute('role', 'status');
  const link = Object.assign(document.createElement('a'), { href: '#scene-text', textContent: button.dataset.textLink ?? '' });
  const text = button.dataset.noWebgl ?? '';
  notice.append(text + gapAfter(text), link);
  const caption = document.createElement('figcaption');
  caption.append(notice);
  button.replaceWith(caption);
  if (root) root.dataset.state = 'no-webgl';
}

function start(focus: boolean): void {
  if (started || !root) return;
  started = true;
  root.dataset.state = 'loading';
  if (button) {
    button.disabled = true;
    button.textContent = button.dataset.loading ?? button.textContent;
  }
  // After the button's new label has painted: making the context takes a few hundred ms in software WebGL.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!createEarlyContext()) return noWebgl();
      const url = root.dataset.firstView;
      const compression = root.dataset.compression === 'draco' ? 'draco' : 'meshopt';
      // The first view's download and decode start with the viewer's code, not after it (a failure is left to
      // the island, which retries and reports it).
      if (url) void import('./use-progressive-model.ts').then(({ loadLod }) => loadLod({ url, compression })).catch(() => undefined);
      void import('./mount-viewer.ts').then(() => {
        root.dataset.state = 'started';
        // The button the visitor pressed is gone with the still: the keyboard goes on in the view.
        if (focus) focusStage(root);
      });
    }, 0),
  );
}

function focusStage(at: HTMLElement): void {
  const take = () => {
    const stage = at.querySelector<HTMLElement>('.scene-stage');
    stage?.focus({ preventScroll: true });
    return Boolean(stage);
  };
  if (take()) return;
  const watch = new MutationObserver(() => take() && watch.disconnect());
  watch.observe(at, { childList: true, subtree: true });
}

if (root && button) {
  button.hidden = false;
  button.addEventListener('click', () => start(true));
  const fromHash = () => {
    if (hotspots.has(decodeURIComponent(location.hash.slice(1)))) start(false);
  };
  fromHash();
  addEventListener('hashchange', fromHash);
}
