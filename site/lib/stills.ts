// Still images of the views that need WebGL (a scene's starting view, the globe), shown without JavaScript or
// WebGL. They are rendered in Chromium at development time by scripts/render-stills.ts and committed to
// content/stills/ (the build needs no browser); Vite publishes each one under /_astro/ with a content hash.
import type { ImageMetadata } from 'astro';

const files = import.meta.glob<ImageMetadata>('/content/stills/*.jpg', { eager: true, import: 'default' });

export interface Still {
  url: string;
  width: number;
  height: number;
}

/** The still named `name` (`scene-<id>`, `globe-<locale>`), or undefined when none has been rendered. */
export function still(name: string): Still | undefined {
  const m = files[`/content/stills/${name}.jpg`];
  return m ? { url: m.src, width: m.width, height: m.height } : undefined;
}
