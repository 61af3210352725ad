// The checks that run inside the page, in one evaluate per concern so a page costs a few round trips: text
// contrast, target sizes, the focus walk and reflow. Self-contained functions (Playwright serializes them); the
// caller defines `__name`, which tsx's transform may add to the inner functions.

export interface Finding {
  /** A short CSS path to the element. */
  where: string;
  detail: string;
}

export interface LayoutReport {
  contrast: Finding[];
  targets: Finding[];
  focus: Finding[];
  /** Elements measured, for the checks count. */
  texts: number;
  controls: number;
  focused: number;
}

/** Contrast, target sizes and the focus walk at the current viewport. */
export function layoutChecks(opts: { minContrast: number; minTarget: number; inlineExempt: boolean; maxFocus: number }): LayoutReport {
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const id = e.id ? `#${e.id}` : '';
      const cls = !id && typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      parts.unshift(e.tagName.toLowerCase() + id + cls);
      if (id) break;
    }
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return parts.join(' > ') + (text ? ` "${text}"` : '');
  };
  const hidden = (el: Element): boolean =>
    !!el.closest('[aria-hidden="true"], [inert]') || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  // Colours as the browser resolves them (light-dark(), named colours, color()) through a canvas pixel.
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  const rgba = (css: string): [number, number, number, number] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
  };
  const luminance = ([r, g, b]: number[]): number => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  /** The colour behind an element: its ancestors' backgrounds composed; undefined over an image or gradient. */
  const background = (el: Element): number[] | undefined => {
    const layers: [number, number, number, number][] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none' || ['IMG', 'VIDEO', 'CANVAS'].includes(e.tagName)) return undefined;
      const c = rgba(s.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let out = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0]! * (1 - a), g * a + out[1]! * (1 - a), b * a + out[2]! * (1 - a)];
    return out;
  };

  const contrast: Finding[] = [];
  let texts = 0;
  if (opts.minContrast > 0) {
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      seen.add(el);
      if (hidden(el) || el.closest('.visually-hidden, [disabled]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const s = getComputedStyle(el);
      const bg = background(el);
      if (!bg) continue;
      const fg = rgba(s.color);
      const over = [fg[0] * fg[3] + bg[0]! * (1 - fg[3]), fg[1] * fg[3] + bg[1]! * (1 - fg[3]), fg[2] * fg[3] + bg[2]! * (1 - fg[3])];
      const [hi, lo] = [luminance(over), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      texts++;
      if (ratio < opts.minContrast)
        contrast.push({ where: describe(el), detail: `${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.map(Math.round).join(', ')}))` });
    }
  }

  // Targets: what a pointer can activate. Links inside running text are exempt where the mode allows it (WCAG
  // 2.5.8's inline exception): an inline link whose block holds other text. Large mode allows no exception.
  const interactive =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="slider"], [role="menuitem"], [tabindex]:not([tabindex="-1"])';
  const blockOf = (el: Element): Element => {
    let e = el.parentElement;
    while (e && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement;
    return e ?? document.body;
  };
  const targets: Finding[] = [];
  let controls = 0;
  for (const el of document.querySelectorAll(interactive)) {
    if (hidden(el) || (el as HTMLButtonElement).disabled) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (el.classList.contains('skip-link') || el.closest('.visually-hidden')) continue;
    if (opts.inlineExempt && el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      const own = (el.textContent ?? '').trim().length;
      const block = (blockOf(el).textContent ?? '').trim().length;
      if (block > own + 1) continue;
    }
    // A checkbox or radio is operated through its label too: the target is the label's box when it holds it.
    const label = el instanceof HTMLInputElement && el.labels?.[0];
    if (label && (el.type === 'checkbox' || el.type === 'radio')) r = label.getBoundingClientRect();
    controls++;
    if (r.width + 0.5 < opts.minTarget || r.height + 0.5 < opts.minTarget) {
      targets.push({ where: describe(el), detail: `${Math.round(r.width)}×${Math.round(r.height)} < ${opts.minTarget}` });
    }
  }

  // The focus walk: each element in sequential focus order gets focus as Tab gives it (the caller pressed Tab
  // once, so focus-visible applies), and must show an indicator and not be hidden under anything (a sticky
  // header). Capped: long result lists repeat the same component.
  const tabbable = [...document.querySelectorAll<HTMLElement>(interactive)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !hidden(el) && el.getClientRects().length > 0,
  );
  const ordered = [...tabbable.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex), ...tabbable.filter((el) => el.tabIndex === 0)];
  const focus: Finding[] = [];
  let focused = 0;
  for (const el of ordered.slice(0, opts.maxFocus)) {
    el.focus({ focusVisible: true } as FocusOptions);
    if (document.activeElement !== el) continue;
    focused++;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
    if (!ring) focus.push({ where: describe(el), detail: 'no visible focus indicator' });
    const r = el.getBoundingClientRect();
    const center: [number, number] = [r.left + r.width / 2, r.top + r.height / 2];
    const points: [number, number][] = [center, [r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    const mine = (hit: Element | null): boolean =>
      !!hit && (hit === el || el.contains(hit) || hit.contains(el) || [...((el as HTMLInputElement).labels ?? [])].some((l) => l.contains(hit)));
    const seenAt = points.filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && mine(document.elementFromPoint(x, y)));
    if (!seenAt.length) {
      const over = document.elementFromPoint(Math.min(Math.max(center[0], 0), innerWidth - 1), Math.min(Math.max(center[1], 0), innerHeight - 1));
      focus.push({ where: describe(el), detail: `focused but hidden${over ? ` under ${describe(over)}` : ' (off screen)'}` });
    }
  }
  (document.activeElement as HTMLElement | null)?.blur();
  return { contrast, targets, focus, texts, controls, focused };
}

/** Reflow at the current (narrow) viewport: no horizontal scrolling of the page, naming what sticks out. */
export function reflowCheck(): Finding[] {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width + 1) return [];
  const out: Finding[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 || r.width === 0) continue;
    // Report the outermost offender only, and nothing a scrolling or clipping box holds (a nav strip, a table).
    const parent = el.parentElement;
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== 'visible';
    if (clipped) continue;
    out.push({
      where: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : ''}`,
      detail: `right edge at ${Math.round(r.right)} > ${width}`,
    });
    if (out.length >= 5) break;
  }
  return out.length ? out : [{ where: 'html', detail: `scrollWidth ${document.documentElement.scrollWidth} > ${width}` }];
}
