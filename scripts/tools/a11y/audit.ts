// The accessibility audit of one built page in one comfort mode, shared by the e2e test (a sample) and
// `npm run bench -- a11y` (every template × locale × mode): axe with the WCAG 2.2 AA rules (serious and critical
// only), text contrast ≥ 7:1 in high contrast, target sizes (24 px, 60 px in large mode), the focus walk, and
// reflow at 320 px. One page load per call.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { COMFORT_STORAGE_KEY, type ComfortSettings } from '../../../site/components/comfort/options.ts';
import { type Finding, layoutChecks, reflowCheck } from './in-page.ts';

export interface Mode {
  name: string;
  /** Stored comfort choices (what the header control writes), applied by the page's own pre-paint script. */
  settings: ComfortSettings;
  /** The system colour scheme the browser reports. */
  colorScheme: 'light' | 'dark';
  minTarget: number;
  /** Measured text contrast required; 0 leaves contrast to axe (4.5:1). */
  minContrast: number;
}

export const MODES: readonly Mode[] = [
  { name: 'default', settings: {}, colorScheme: 'light', minTarget: 24, minContrast: 0 },
  { name: 'large', settings: { large: 'on' }, colorScheme: 'light', minTarget: 60, minContrast: 0 },
  { name: 'contrast', settings: { contrast: 'more' }, colorScheme: 'light', minTarget: 24, minContrast: 7 },
  // Dark from the system, as most visitors get it.
  { name: 'dark', settings: {}, colorScheme: 'dark', minTarget: 24, minContrast: 0 },
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Focusable elements walked per page: long result lists repeat one component. */
const MAX_FOCUS = 80;

export interface AuditResult {
  url: string;
  mode: string;
  /** Individual checks made: axe rules run, texts measured, targets measured, elements focused, one reflow. */
  checks: number;
  violations: string[];
  contrast: Finding[];
  smallTargets: Finding[];
  reflow: Finding[];
  obscuredFocus: Finding[];
  /** Content-Security-Policy violations the page reported while it loaded and was audited. */
  csp: string[];
}

/** Records every Content-Security-Policy violation report of the context's pages, with a listener that runs before
 * any page script and is not itself subject to the page's policy. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** The violations a page reported so far (see recordCspViolations). */
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

/** Policy messages Chromium writes to the console (some refusals are logged without a report, and every report is
 * logged too: csp.e2e.ts checks it), collected into `logged`. A listener, not an init script, so a test can add it
 * without awaiting anything before the page loads. */
export function cspConsole(page: Page, logged: string[] = []): string[] {
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) logged.push(m.text());
  });
  return logged;
}

/** axe on a page, in legacy mode: axe runs in the page itself. The default mode opens a blank page to merge each
 * frame's results (for cross-origin frames), injecting axe a second time; the site has no frames and loads nothing
 * from another origin, so the results are the same, sooner. */
export const axeOn = (page: Page): AxeBuilder => new AxeBuilder({ page }).setLegacyMode();

/** Runs on the loaded page before the audit touches it (the e2e test compares its accessibility tree there). */
export type PageInspection = (page: Page) => Promise<void>;

export async function auditPage(browser: Browser, baseUrl: string, url: string, mode: Mode, inspect?: PageInspection): Promise<AuditResult> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    // One time zone wherever it runs: pages that show the visitor's own time then read the same (the e2e test
    // compares each page's accessibility tree with a golden file).
    timezoneId: 'UTC',
    colorScheme: mode.colorScheme,
  });
  // The stored choices are written before any page script runs, so the pre-paint script reads them as it would a
  // returning visitor's. Not `storageState`: Playwright fills that through a page of its own opened on the origin
  // first, a second page per audited page.
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [COMFORT_STORAGE_KEY, JSON.stringify(mode.settings)] as const);
  // The strict policy is checked on the same page loads.
  await recordCspViolations(context);
  try {
    const page = await context.newPage();
    const logged = cspConsole(page);
    await page.goto(baseUrl + encodeURI(url), { waitUntil: 'networkidle' });
    // tsx may wrap the checkers' inner functions in its `__name` helper; the page has none.
    await page.evaluate('globalThis.__name ??= (f) => f');
    await page.waitForFunction(() => document.documentElement.dataset.comfortReady === 'wired' || !document.querySelector('details.comfort'));
    await inspect?.(page);
    const axe = await axeOn(page).withTags(AXE_TAGS).analyze();
    const violations = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')})`,
      );
    // One real Tab first, so the focus walk's programmatic focus counts as keyboard focus (:focus-visible).
    await page.keyboard.press('Tab');
    const layout = await page.evaluate(layoutChecks, {
      minContrast: mode.minContrast,
      minTarget: mode.minTarget,
      inlineExempt: mode.minTarget < 60,
      maxFocus: MAX_FOCUS,
    });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const reflow = await page.evaluate(reflowCheck);
    const csp = [...(await cspViolations(page)), ...logged];
    const axeRules = axe.passes.length + axe.violations.length + axe.incomplete.length;
    return {
      url,
      mode: mode.name,
      checks: axeRules + layout.texts + layout.controls + layout.focused + 1,
      violations,
      contrast: layout.contrast,
      smallTargets: layout.targets,
      reflow,
      obscuredFocus: layout.focus,
      csp,
    };
  } finally {
    await context.close();
  }
}

/** One line per problem, for a test's failure message or the bench's log. */
export function problems(r: AuditResult): string[] {
  const at = `${r.url} [${r.mode}]`;
  return [
    ...r.violations.map((v) => `${at} axe ${v}`),
    ...r.contrast.map((f) => `${at} contrast ${f.detail}: ${f.where}`),
    ...r.smallTargets.map((f) => `${at} target ${f.detail}: ${f.where}`),
    ...r.reflow.map((f) => `${at} reflow ${f.detail}: ${f.where}`),
    ...r.obscuredFocus.map((f) => `${at} focus ${f.detail}: ${f.where}`),
    ...r.csp.map((v) => `${at} CSP violation ${v}`),
  ];
}
