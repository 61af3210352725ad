// The panorama page's script (an external module, as the Content-Security-Policy wants): with WebGL it loads the
// viewer module (Photo Sphere Viewer and three, fetched only now); without, the page stays the text alternative it
// already is, and says why.
import type { ViewerData } from '../../lib/panoramas.ts';

function hasWebgl(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

const root = document.querySelector<HTMLElement>('[data-pano]');
const data = root?.querySelector('script[type="application/json"]');
if (root && data) {
  if (!hasWebgl()) {
    root.dataset.state = 'no-webgl';
    root.querySelector<HTMLElement>('[data-pano-no-webgl]')?.removeAttribute('hidden');
  } else {
    root.dataset.state = 'loading';
    import('./viewer.ts')
      .then((m) => m.mountPanorama(root, JSON.parse(data.textContent ?? '{}') as ViewerData))
      .catch((err: unknown) => {
        root.dataset.state = 'failed';
        root.querySelector<HTMLElement>('[data-pano-no-webgl]')?.removeAttribute('hidden');
        console.error(err);
      });
  }
}
