// Whether to animate: the visitor's choice in the comfort settings (`data-motion` on <html>) over the system's
// prefers-reduced-motion. For the code that moves things in script (smooth scrolls, camera flights, charts);
// CSS animations follow comfort.css.

const query = '(prefers-reduced-motion: reduce)';

export function reducedMotion(): boolean {
  const chosen = document.documentElement.dataset.motion;
  if (chosen === 'reduce') return true;
  if (chosen === 'full') return false;
  return matchMedia(query).matches;
}

/** Calls `on` whenever the answer may have changed (system setting or comfort choice); returns the unsubscribe. */
export function onReducedMotionChange(on: () => void): () => void {
  const mq = matchMedia(query);
  mq.addEventListener('change', on);
  document.addEventListener('comfortchange', on);
  return () => {
    mq.removeEventListener('change', on);
    document.removeEventListener('comfortchange', on);
  };
}
