// Looking around by moving the phone: only ever on the visitor's request, and the button appears only where the
// device has an orientation sensor. Photo Sphere Viewer's gyroscope plugin takes the mere presence of
// `DeviceOrientationEvent.requestPermission` as a sensor, but desktop Chromium now has that function too (and grants
// it), so the button showed on every desktop. Here the first reading decides: a browser without a sensor sends one
// without angles (Chromium) or none at all (then, after a while, no). Only where readings are held back until the
// permission prompt is answered (iOS: the function exists and nothing arrives) is the button shown unseen, and its
// press opens the prompt. `data-gyro` on the root says what was found.
import type { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';

/** How long to wait for a first reading where a permission prompt may be holding them back, and where not. */
const WAIT_WITH_PROMPT_MS = 1500;
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
    const timer = setTimeout(() => done(prompt), prompt ? WAIT_WITH_PROMPT_MS : WAIT_MS);
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
