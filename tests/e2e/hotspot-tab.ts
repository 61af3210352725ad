// Tab through every hotspot label a 3D view shows: focus lands on each in turn and never scrolls the stage (a
// scrolled stage left the lower part of the view black), and the centre stays drawn. Shared by the viewer tests,
// which run it in each locale on page loads they make anyway.
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { centreStats } from './pixels.ts';

/** Every scroll offset inside the stage (the stage itself, the canvas wrapper, drei's label layer). */
export const stageScroll = (page: Page) =>
  page.evaluate(() => {
    const stage = document.querySelector('.scene-stage')!;
    return [stage, ...stage.querySelectorAll('*')].reduce((sum, e) => sum + Math.abs(e.scrollTop) + Math.abs(e.scrollLeft), 0);
  });

/** The centre of the stage is drawn: not the clear colour, not black. */
export async function centreDrawn(page: Page): Promise<number> {
  const img = PNG.sync.read(await page.locator('.scene-stage').screenshot());
  return centreStats(img, (r, g, b) => Math.abs(r - 0x1b) + Math.abs(g - 0x16) + Math.abs(b - 0x12) > 30 && r + g + b > 40).drawn;
}

/** Tabs from the stage through every hotspot label shown, checking the stage's scroll after each; returns the
 * ids in the order focused. */
export async function tabThroughHotspots(page: Page): Promise<string[]> {
  const shown = await page.evaluate(
    () => [...document.querySelectorAll<HTMLElement>('.scene-hotspot')].filter((b) => getComputedStyle(b).visibility !== 'hidden').length,
  );
  expect(shown, 'hotspot labels shown').toBeGreaterThan(0);
  await page.focus('.scene-stage');
  const visited: string[] = [];
  for (let i = 0; i < shown; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.hotspot);
    expect(id, `Tab ${i + 1} lands on a hotspot`).toBeTruthy();
    visited.push(id!);
    expect(await stageScroll(page), `after focusing ${id}`).toBe(0);
  }
  expect(new Set(visited).size).toBe(shown);
  return visited;
}
