// The accessibility audit (scripts/tools/a11y/audit.ts) on one page of every template in every locale: axe with
// the WCAG 2.2 AA rules (no serious or critical finding), target sizes, the focus walk, reflow at 320 px, and
// measured contrast in high contrast, and no Content-Security-Policy violation report. Each template × locale
// loads once, in one comfort mode taken in rotation, so every template is seen in three modes and every mode in
// every locale while the suite keeps the page loads it had before the modes existed; `npm run bench -- a11y` runs
// the full template × locale × mode matrix.
//
// The same page loads compare each page's accessibility tree with its reviewed golden file (aria-golden.ts).
//
// The cases are shared out between two test files (alternate cases, so the rotation is the same whoever runs it):
// the audit is the suite's longest file, and the browser tests run two files at a time.
import type { Browser } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { auditPage, MODES, problems } from '../../scripts/tools/a11y/audit.ts';
import { checkAriaGolden, orphanGoldens } from './aria-golden.ts';
import { E2E_DIST } from './env.ts';
import { templateSamples } from './pages.ts';
import { useBrowser } from './use-browser.ts';

export const A11Y_SHARES = 2;

function allCases() {
  const samples = templateSamples(E2E_DIST);
  const cases = samples.flatMap((s, t) =>
    s.urls.map((url) => {
      const locale = LOCALES.indexOf(url.split('/')[1] as (typeof LOCALES)[number]);
      return [s.template, url, MODES[(t + Math.max(locale, 0)) % MODES.length]!] as const;
    }),
  );
  return { samples, cases };
}

/** Registers this file's share of the audit; share 0 also checks that the rotation covers everything. */
export function auditShare(share: number): void {
  const base = inject('baseUrl');
  let browser: Browser;
  useBrowser((b) => (browser = b));
  const { samples, cases } = allCases();

  if (share === 0) {
    it('finds the page templates, and the rotation covers every mode in every locale', () => {
      expect(samples.map((s) => s.template)).toEqual(expect.arrayContaining(['(home)', 'artifacts/*', 'collections', 'collections/*', 'live', 'live/*']));
      const seen = new Set(cases.map(([, url, mode]) => `${url.split('/')[1]} ${mode.name}`));
      for (const l of LOCALES) for (const m of MODES) expect(seen).toContain(`${l} ${m.name}`);
      // Every golden accessibility tree belongs to a page the audit loads.
      expect(orphanGoldens(cases.map(([, url]) => url))).toEqual([]);
    });
  }

  it.each(cases.filter((_, i) => i % A11Y_SHARES === share))('%s: %s', async (template, url, mode) => {
    const result = await auditPage(browser, base, url, mode, (page) => checkAriaGolden(page, template, url));
    expect(problems(result)).toEqual([]);
    // The checks ran: something was measured on every page.
    expect(result.checks).toBeGreaterThan(20);
  });
}
