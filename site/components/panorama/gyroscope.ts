// Looking around by moving the phone: only ever on the visitor's request, and the button appears only where the
// device has an orientation sensor. Photo Sphere Viewer's gyroscope plugin takes the mere presence of
// `DeviceOrientationEvent.requestPermission` as a sensor, but desktop Chromium now has that function too (and grants
// it), so the button showed on every desktop. Here the first reading decides: a browser without a sensor sends one
// without angles (Chromium) or none at all (then, after a while, no). Only where readings are held back until the
// permission prompt is answered (iOS: the function exists and nothing arrives) is the button shown unseen, and its
// press opens the prompt. `data-gyro` on the root says what was found.
import type { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';

/** How long to wait for a first reading where a permission prompt may be holding them back, and where not. Desktop
 * Chromium's reading without angles took over 1.5 s to arrive on a busy machine while the viewer started (the button
 * then showed where there is no sensor), hence 3 s, and the decision waits for the page to be idle besides. */
const WAIT_WITH_PROMPT_MS = 3000;
const WAIT_MS = 10_000;

type WithPrompt = typeof DeviceOrientationEvent & { requestPermission?: () => Promise<string> };

function motionSensor(): Promise<boolean> {
  if (!('DeviceOrientationEvent' in window)) return Promise.resolve(false);
  const prompt = typeof (DeviceOrientationEvent as WithPrompt).requestPermission === 'function';
  return new Promise((resolve) => {
    const done = (yes: boolean) => {
      removeEventListener('deviceorientation', reading);
      clearTimeout(timer);
      resolve(yes);
    };
    const reading = (e: DeviceOrientationEvent) => done(typeof e.alpha === 'number' && !Number.isNaN(e.alpha));
    addEventListener('deviceorientation', reading);
    // Readings already queued behind the viewer's start are handled before the decision (an idle callback runs once
    // the page has no other work; Safari has none, and its readings are held back anyway).
    const decide = () => ('requestIdleCallback' in window ? requestIdleCallback(() => done(prompt), { timeout: 5000 }) : done(prompt));
    const timer = setTimeout(decide, prompt ? WAIT_WITH_PROMPT_MS : WAIT_MS);
  });
}

export function gyroscope(root: HTMLElement, gyro: GyroscopePlugin): void {
  const button = root.querySelector<HTMLButtonElement>('[data-pano-gyro]');
  const refused = root.querySelector<HTMLElement>('[data-pano-gyro-refused]');
  if (!button) return;
  void motionSensor().then((yes) => {
    root.dataset.gyro = yes ? 'yes' : 'no';
    if (yes) button.hidden = false;
  });
  gyro.addEventListener('gyroscope-updated', ({ gyroscopeEnabled }) => button.setAttribute('aria-pressed', String(gyroscopeEnabled)));
  button.addEventListener('click', () => {
    if (gyro.isEnabled()) gyro.stop();
    else
      gyro.start().then(
        () => refused && (refused.hidden = true),
        () => refused && (refused.hidden = false),
      );
  });
}
