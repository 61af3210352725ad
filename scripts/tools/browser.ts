// Debian's Chromium driven by Playwright; never a downloaded browser. Shared by the e2e tests and the benchmarks.
// Flags keep it off the network (this machine has none) and enable SwiftShader WebGL for the 3D tests.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How the browser puts frames on screen. `gpu`: the compositor draws through GL, here SwiftShader's software GL (the
 * blocklist ignored), a full redraw and swap for every frame, even a 4 px change; no visitor's browser composites
 * that way. `software`: Chromium's own compositor for a machine without a usable GPU, which redraws only what
 * changed. WebGL runs on SwiftShader either way. */
export type Compositing = 'gpu' | 'software';

export function launchBrowser(options: { compositing?: Compositing } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      ...(options.compositing === 'software' ? ['--disable-gpu-compositing'] : []),
    ],
  });
}
