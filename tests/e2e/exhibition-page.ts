// What the exhibition browser tests share: an exhibition read from its own file (the expected steps, texts, clip
// times), a page opened on the built site that records every problem (a script error, a failed response, a request
// leaving the site), and the step the page shows.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { exhibition, type Exhibition } from '../../model/exhibition.ts';
import { watchProblems } from './page-problems.ts';

/** A demo exhibition as its file says, through the same schema the pipeline uses. */
export const readExhibition = (id: string): Exhibition =>
  exhibition.parse({ type: 'exhibition', id, ...parse(fs.readFileSync(`content/exhibitions/${id}/exhibition.yaml`, 'utf8')) });

export interface OpenOptions {
  js?: boolean;
  reducedMotion?: boolean;
}

/** A page of the built site in a fresh context; `problems` collects what must not happen on it. */
export async function openPage(browser: Browser, base: string, url: string, options: OpenOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.js ?? true,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  const problems = watchProblems(page, base);
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  expect((await page.goto(base + url))?.status()).toBe(200);
  return { page, problems };
}

/** The step the page marks as the one being read. */
export const activeStep = (page: Page): Promise<string | null> => page.locator('[data-exhibition]').getAttribute('data-active-step');
