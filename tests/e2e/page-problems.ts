// What a browser test collects from a page as it runs: script errors, any request that leaves the site (data:
// and blob: URLs are the page's own), and Content-Security-Policy violations. The test expects the list to be empty
// at its end. The policy is checked on the page loads the tests make anyway (csp.e2e.ts reloads no page for it).
import type { Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { cspConsole } from '../../scripts/tools/a11y/audit.ts';

export function watchProblems(page: Page, base: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`left the site: ${u}`);
  });
  cspConsole(page, problems);
  return problems;
}

/** For a test file whose pages have listeners of their own: returns `watch(page)`, to call before the page loads;
 * after each test, no page watched in it may have reported a policy violation (while it loaded, while its viewer
 * started, or later). */
export function useCspCheck(): (page: Page) => void {
  const violations: string[] = [];
  afterEach(() => {
    expect(violations.splice(0), 'Content-Security-Policy violations').toEqual([]);
  });
  return (page) => void cspConsole(page, violations);
}
