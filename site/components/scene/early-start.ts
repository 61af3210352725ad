// The scene page's own module script (in <head>, so it is fetched alongside the stylesheets). Without it the
// viewer's code arrives as a waterfall: mount-viewer.ts imports the viewer chunk, whose static imports (three,
// react-dom, R3F) are only discovered once that 1 MB chunk has been parsed, which waits behind the page's first
// layout. A dynamic import here lets Vite request the chunk and all its dependencies at once (its modulepreload
// helper); mount-viewer.ts's own import then finds them in the module map. The first view's download and decode
// start as soon as the three chunk has run, before React and R3F have arrived, and the WebGL context is made
// once the page has painted (early-gl.ts).
import { createEarlyContext } from './early-gl.ts';
import { FONT_HOLD_MAX_MS, releaseFonts } from './font-hold.ts';

setTimeout(releaseFonts, FONT_HOLD_MAX_MS);

const link = document.querySelector<HTMLLinkElement>('link[data-scene-first-view]');
void import('./SceneViewer.tsx').catch(() => undefined); // mount-viewer.ts's own import reports a real failure
if (link && typeof WebGLRenderingContext !== 'undefined') {
  const url = link.getAttribute('href');
  const compression = link.dataset.compression === 'draco' ? 'draco' : 'meshopt';
  // A failure is left to the island, which retries and shows the error.
  if (url) void import('./use-progressive-model.ts').then(({ loadLod }) => loadLod({ url, compression })).catch(() => undefined);
  // After the first paint, so the page's text is not held back by it.
  requestAnimationFrame(() => setTimeout(createEarlyContext, 0));
}
