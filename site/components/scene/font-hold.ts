// Scene pages draw the 3D view before they fetch web fonts. A zh scene page uses ~35 slices of Noto Serif SC
// (~2.5 MB); each batch that arrives re-lays-out the page, and on the benchmark machine that was ~500 ms of
// main-thread layout in front of the first frame (measured with a Chromium trace). The page's <head> adds
// FONT_HOLD_CLASS with a one-line inline script, so without JavaScript nothing is held; scene.css then points
// the font stacks at installed fonts only. The island releases the hold after its first frame, or as soon as it
// knows it will not draw (no WebGL, a failed model); the inline script's own timeout releases it regardless.
export const FONT_HOLD_CLASS = 'scene-font-hold';
export const FONT_HOLD_MAX_MS = 4000;

/** The inline <head> script (kept tiny: it runs before the first layout on every scene page). */
export const FONT_HOLD_SCRIPT =
  `(function(c){c.add('${FONT_HOLD_CLASS}');setTimeout(function(){c.remove('${FONT_HOLD_CLASS}')},${FONT_HOLD_MAX_MS})})` +
  '(document.documentElement.classList)';

export function releaseFonts(): void {
  document.documentElement.classList.remove(FONT_HOLD_CLASS);
}
