// The accessibility tree of each page template, kept as reviewed golden files in tests/golden/aria/: Playwright's
// ARIA snapshot (roles, names, heading levels, states, link targets) of the whole page, one file per template and
// locale. The audit's page loads take it (a11y-audit.ts), so it costs no page load of its own.
//
// A golden is a Playwright ARIA template: it is matched with Playwright's own matcher, so its regular-expression
// names (`- heading /…/`) and partial forms (`/children: contain`) mean what Playwright's documentation says. Each
// file opens with `/children: deep-equal`: Playwright's default is to accept a template that lists only some of the
// children, and a golden must fail when anything is added, lost or reordered. Regular expressions and partial forms
// are for content that legitimately varies between runs; each says why in a YAML comment beside it.
//
// A missing or differing golden fails. `UPDATE_GOLDEN=1` writes the failing ones from the page as it is now (a
// golden that still matches is left alone, with its hand-made patterns); read every written file before committing.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { LOCALES } from '../../model/locales.ts';

export const GOLDEN_DIR = path.resolve('tests/golden/aria');
const STRICT = '- /children: deep-equal';
/** How long the page may take to settle into its golden tree (a viewer mounting after the load, a live region). */
const SETTLE_MS = 5_000;

/** A sample page's golden: `/en/artifacts/met-24.44/` → `en/artifacts.met-24.44.yaml`, `/zh/` → `zh/home.yaml`,
 * `/404.html` → `root/404.html.yaml`. */
export function goldenName(url: string): string {
  const parts = decodeURI(url).split('/').filter(Boolean);
  const locale = parts[0] && (LOCALES as readonly string[]).includes(parts[0]) ? parts.shift()! : 'root';
  return path.join(locale, `${parts.join('.') || 'home'}.yaml`);
}

/** Golden files no sample page has any more (a page renamed, a template gone), relative to GOLDEN_DIR. */
export function orphanGoldens(urls: string[]): string[] {
  if (!fs.existsSync(GOLDEN_DIR)) return [];
  const wanted = new Set(urls.map(goldenName));
  return (fs.readdirSync(GOLDEN_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml') && !wanted.has(f));
}

interface AriaExpectResult {
  matches: boolean;
}
/** Playwright's ARIA template matcher, the one `expect(locator).toMatchAriaSnapshot()` of @playwright/test calls.
 * playwright-core has it only as the locator's internal `_expect`; using it keeps the template language
 * Playwright's (regexes, partial and strict children) instead of a second, hand-written one. The shape is checked
 * so that a Playwright upgrade that changes it fails here rather than passing silently. */
async function matchesTemplate(locator: Locator, template: string, timeout: number): Promise<boolean> {
  const internal = locator as unknown as {
    _expect?: (expression: string, options: { expectedValue: string; isNot: boolean; timeout: number }) => Promise<AriaExpectResult>;
  };
  if (typeof internal._expect !== 'function') throw new Error('playwright-core no longer has Locator._expect: update tests/e2e/aria-golden.ts');
  const r = await internal._expect('to.match.aria', { expectedValue: template, isNot: false, timeout });
  if (typeof r?.matches !== 'boolean') throw new Error('Locator._expect returned an unexpected shape: update tests/e2e/aria-golden.ts');
  return r.matches;
}

/** The page's tree as a golden: a header naming where it came from, the strict marker, then Playwright's YAML. */
function goldenText(template: string, url: string, snapshot: string): string {
  return `# ${template} (${url}): Playwright ARIA snapshot of the page, reviewed. UPDATE_GOLDEN=1 rewrites it.\n${STRICT}\n${snapshot}\n`;
}

/** Compares the page with its golden (see the top of this file); writes it under UPDATE_GOLDEN=1. */
export async function checkAriaGolden(page: Page, template: string, url: string): Promise<void> {
  const file = path.join(GOLDEN_DIR, goldenName(url));
  const body = page.locator('body');
  const golden = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (golden !== undefined) {
    expect(
      golden.split('\n').find((l) => l.startsWith('- ')),
      `${file} must open with "${STRICT}"`,
    ).toBe(STRICT);
    if (await matchesTemplate(body, golden, SETTLE_MS)) return;
  }
  const actual = await body.ariaSnapshot();
  if (process.env.UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, goldenText(template, url, actual));
    return;
  }
  if (golden === undefined)
    throw new Error(`no golden ARIA snapshot ${path.relative(process.cwd(), file)}: run this test with UPDATE_GOLDEN=1 to write it, then review it`);
  // The difference, line by line (a hand-made pattern shows up as a difference here too).
  expect(actual, `${url} differs from ${path.relative(process.cwd(), file)} (UPDATE_GOLDEN=1 rewrites it; review the diff)`).toBe(
    golden.split('\n').slice(2).join('\n').trimEnd(),
  );
  throw new Error(`${url}: the page's tree matches its golden only in text; Playwright's matcher disagreed`);
}
