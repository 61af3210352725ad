// Scene pages draw the 3D view before they fetch web fonts. A zh scene page uses ~35 slices of Noto Serif SC
// (~2.5 MB); each batch that arrives re-lays-out the page, and on the benchmark machine that was ~500 ms of
// main-thread layout in front of the first frame (measured with a Chromium trace). The page's <head> carries a
// <meta name=FONT_HOLD_META>; scene.css, only where scripting is enabled (so without JavaScript nothing is held),
// then points the font stacks at installed fonts. The viewer releases the hold after its first frame, or as soon
// as it knows it will not draw (no WebGL, a failed model); early-start.ts releases it after FONT_HOLD_MAX_MS
// regardless. (This was a one-line inline script setting a class; the Content-Security-Policy allows none.)
export const FONT_HOLD_META = 'scene-font-hold';
export const FONT_HOLD_MAX_MS = 4000;

export function releaseFonts(): void {
  document.head.querySelector(`meta[name="${FONT_HOLD_META}"]`)?.remove();
}
