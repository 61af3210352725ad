// On Chinese pages, text converted from traditional characters carries its original (data-original). A small
// button after it shows the original and back; without JavaScript the original is in the element's title.
for (const el of document.querySelectorAll<HTMLElement>('.t2s[data-original]')) {
  // Inside a link or a control a button cannot be: the title carries the original there.
  if (el.closest('a, button, label, summary')) continue;
  const converted = el.textContent ?? '';
  const original = el.dataset.original!;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 't2s-toggle';
  button.textContent = '繁';
  button.setAttribute('aria-label', el.dataset.label ?? '');
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => {
    const showOriginal = button.getAttribute('aria-pressed') !== 'true';
    el.textContent = showOriginal ? original : converted;
    if (showOriginal) el.lang = 'zh-Hant';
    else el.removeAttribute('lang');
    button.setAttribute('aria-pressed', String(showOriginal));
  });
  el.after(button);
}
