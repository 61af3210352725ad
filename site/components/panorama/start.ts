// The panorama page's script (an external module, as the Content-Security-Policy wants): with WebGL it loads the
// viewer module (Photo Sphere Viewer and three, fetched only now; the page's head has already asked for the preview
// image); without, the page stays the text alternative it already is, and says why.
import type { ViewerData } from '../../lib/panoramas.ts';
import { panoramaLook } from '../../../formats/urls.ts';

/** Photo Sphere Viewer needs WebGL 2. Only whether the browser knows it is asked here: creating a context to find
 * out would be one more context creation before the first frame (the viewer makes its own), and where the viewer
 * still cannot make one it throws, and the page says so just the same. */
const hasWebgl = (): boolean => 'WebGL2RenderingContext' in window;

const root = document.querySelector<HTMLElement>('[data-pano]');
const data = root?.querySelector('script[type="application/json"]');
if (root && data) {
  if (!hasWebgl()) {
    root.dataset.state = 'no-webgl';
    root.querySelector<HTMLElement>('[data-pano-no-webgl]')?.removeAttribute('hidden');
  } else {
    root.dataset.state = 'loading';
    import('./viewer.ts')
      .then((m) => m.mountPanorama(root, JSON.parse(data.textContent ?? '{}') as ViewerData, { start: panoramaLook(location.hash) }))
      .catch((err: unknown) => {
        root.dataset.state = 'failed';
        root.querySelector<HTMLElement>('[data-pano-viewer]')?.setAttribute('hidden', '');
        root.querySelector<HTMLElement>('[data-pano-no-webgl]')?.removeAttribute('hidden');
        console.error(err);
      });
  }
}
