// Reading comfort, applied before the first paint: a blocking classic script in <head> (the Content-Security-Policy
// allows no inline script) copies the visitor's stored choices onto <html> as data attributes, which the comfort
// stylesheet reads. Plain JavaScript served as is, because it must run before any bundle; the allowed values mirror
// site/components/comfort/options.ts (a unit test keeps the two equal). Without a stored choice nothing is set and
// the stylesheet follows the system's prefers-color-scheme, prefers-contrast and prefers-reduced-motion.
// @ts-check
(() => {
  /** @type {Record<string, string[]>} */
  const allowed = {
    textSize: ['100', '125', '150', '200'],
    large: ['on', 'off'],
    contrast: ['system', 'more', 'normal'],
    theme: ['system', 'light', 'dark'],
    motion: ['system', 'reduce', 'full'],
  };
  const root = document.documentElement;
  // Marks that scripts run, so the settings control (which needs them) is shown.
  root.dataset.comfortReady = '';
  let stored = {};
  try {
    stored = JSON.parse(localStorage.getItem('heritage-comfort') || '{}') || {};
  } catch {
    // Storage blocked or a value we did not write: the defaults apply.
  }
  for (const [key, values] of Object.entries(allowed)) {
    const value = /** @type {Record<string, unknown>} */ (stored)[key];
    if (typeof value === 'string' && values.includes(value)) root.dataset[key] = value;
  }
})();
