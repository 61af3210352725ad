// What a browser test collects from a page as it runs: script errors, and any request that leaves the site (data:
// and blob: URLs are the page's own). The test expects the list to be empty at its end.
import type { Page } from 'playwright-core';

export function watchProblems(page: Page, base: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`left the site: ${u}`);
  });
  return problems;
}
