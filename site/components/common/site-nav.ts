// The phone menu closes as a menu button is expected to: Escape (focus back on the button), a click elsewhere,
// or focus moving out of it. Without this module the summary still opens and closes it.
for (const menu of document.querySelectorAll<HTMLDetailsElement>('details.nav-menu')) {
  const button = menu.querySelector('summary');
  const close = (refocus: boolean): void => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) button?.focus();
  };
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !menu.open) return;
    e.preventDefault();
    close(true);
  });
  document.addEventListener('click', (e) => {
    if (!menu.contains(e.target as Node)) close(false);
  });
  menu.addEventListener('focusout', (e) => {
    if (e.relatedTarget instanceof Node && !menu.contains(e.relatedTarget)) close(false);
  });
  menu.dataset.enhanced = '';
}
