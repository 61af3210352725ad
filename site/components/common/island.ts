// React components that run in the browser are mounted by their own external module, not as Astro islands: an
// Astro island brings inline <script>s (its loader and directive), which the site's Content-Security-Policy
// (`script-src 'self'`, model/csp.ts) forbids. The page renders a root element and the props as a JSON data
// block (not executed, so not a script to the policy) right after it; the module reads them and mounts.
import { type ComponentType, createElement } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';

/** The props as the text of a `<script type="application/json">`: `<` escaped so no `</script>` can end it. */
export const islandJson = (props: unknown): string => JSON.stringify(props).replace(/</g, '\\u003c');

/**
 * Mounts `Component` on every `[data-island="name"]`: hydrating the server-rendered markup, or rendering into an
 * empty root when the component is client-only.
 */
export function mountIsland<P extends object>(name: string, Component: ComponentType<P>, mode: 'hydrate' | 'render'): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const data = root.nextElementSibling;
    if (!(data instanceof HTMLScriptElement) || data.type !== 'application/json') continue;
    const element = createElement(Component, JSON.parse(data.textContent ?? '{}') as P);
    if (mode === 'hydrate') hydrateRoot(root, element);
    else createRoot(root).render(element);
  }
}
