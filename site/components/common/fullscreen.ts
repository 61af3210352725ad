// Full screen for the 3D viewer and the globe through the standard Fullscreen API: a button enters and leaves,
// and Escape leaves (the browser's own key; also handled here, since a page that holds the keyboard focus in a
// widget should not depend on the browser chrome for it). Browsers without the API (iPhone Safari for elements)
// get no button at all rather than one that does nothing.

export const fullscreenAvailable = (): boolean => typeof document !== 'undefined' && document.fullscreenEnabled === true;

/** Whether `el` is the element shown full screen now. */
export const isFullscreen = (el: Element | null | undefined): boolean => Boolean(el) && document.fullscreenElement === el;

/** Enters full screen on `el`, or leaves it when `el` is already full screen. */
export async function toggleFullscreen(el: HTMLElement): Promise<void> {
  if (isFullscreen(el)) await document.exitFullscreen();
  else await el.requestFullscreen({ navigationUI: 'hide' });
}

/** Calls `onChange(isFullscreen(el))` whenever full screen starts or ends; Escape inside `el` leaves. Returns the
 * function that stops listening. */
export function watchFullscreen(el: HTMLElement, onChange: (on: boolean) => void): () => void {
  const changed = () => onChange(isFullscreen(el));
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && isFullscreen(el)) void document.exitFullscreen();
  };
  document.addEventListener('fullscreenchange', changed);
  el.addEventListener('keydown', key);
  return () => {
    document.removeEventListener('fullscreenchange', changed);
    el.removeEventListener('keydown', key);
  };
}
