// The accessibility audit over the whole matrix: every page template × locale × comfort mode (default, large,
// high contrast, dark), one page load each (scripts/tools/a11y/audit.ts; the e2e test runs a sample of it).
// Usage: npm run bench -- a11y [--dist test-output/e2e/dist] [--media test-output/e2e/build/media] [--jobs 2]
//   [--only <regex on template or URL>] (to re-check a few pages while fixing them)
// Builds the demo there first when it is missing. Prints each problem, then JSON as the last line:
// {"templates","modes","locales","checks","violations","smallTargets","reflowFailures","obscuredFocus","cspViolations","pages","notAudited","seconds"}.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { LOCALES } from '../../model/locales.ts';
import { templateSamples } from '../tools/pages.ts';
import { startSiteServer } from '../site-server.ts';
import { type AuditResult, auditPage, MODES, problems } from '../tools/a11y/audit.ts';
import { launchBrowser } from '../tools/browser.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'test-output/e2e/dist' },
    media: { type: 'string', default: 'test-output/e2e/build/media' },
    jobs: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
const dist = path.resolve(values.dist!);
const media = path.resolve(values.media!);
if (!fs.existsSync(dist)) {
  console.error(`no build at ${dist}; building the demo …`);
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, HERITAGE_BUILD_DIR: path.dirname(media), HERITAGE_DIST_DIR: dist },
  });
  if (r.status !== 0) throw new Error(`the demo build failed (exit ${r.status})`);
}

const samples = templateSamples(dist);
const only = values.only ? new RegExp(values.only) : undefined;
const pages = samples.flatMap((s) => s.urls.map((url) => ({ template: s.template, url }))).filter((p) => !only || only.test(p.template) || only.test(p.url));
const jobs = pages.flatMap((p) => MODES.map((mode) => ({ ...p, mode })));
const started = performance.now();
const server = await startSiteServer(0, '127.0.0.1', dist, media);
const browser = await launchBrowser();
const results: AuditResult[] = [];
const failed: string[] = [];
let done = 0;
try {
  const limit = pLimit(Math.max(1, Number(values.jobs)));
  await Promise.all(
    jobs.map((job) =>
      limit(async () => {
        // One page that cannot be audited (a timeout on a loaded machine) is counted and named, not the end of the run.
        try {
          const r = await auditPage(browser, server.url, job.url, job.mode);
          results.push(r);
          for (const line of problems(r)) console.error(line);
        } catch (e) {
          failed.push(`${job.url} [${job.mode.name}] not audited: ${(e as Error).message.split('\n')[0]}`);
          console.error(failed.at(-1));
        }
        done++;
        const elapsed = (performance.now() - started) / 1000;
        const eta = Math.round((elapsed / done) * (jobs.length - done));
        if (done % 10 === 0 || done === jobs.length) console.error(`a11y ${done}/${jobs.length} pages · ${Math.round(elapsed)} s · ETA ${eta} s`);
      }),
    ),
  );
} finally {
  await browser.close();
  await server.close();
}

const sum = (f: (r: AuditResult) => number) => results.reduce((n, r) => n + f(r), 0);
const summary = {
  templates: new Set(pages.map((p) => p.template)).size,
  modes: MODES.length,
  locales: new Set(pages.map((p) => p.url.split('/')[1]).filter((l) => (LOCALES as readonly string[]).includes(l ?? ''))).size,
  checks: sum((r) => r.checks),
  // Axe's serious and critical findings, and texts under 7:1 in high contrast.
  violations: sum((r) => r.violations.length + r.contrast.length),
  smallTargets: sum((r) => r.smallTargets.length),
  reflowFailures: sum((r) => (r.reflow.length ? 1 : 0)),
  obscuredFocus: sum((r) => r.obscuredFocus.length),
  cspViolations: sum((r) => r.csp.length),
  pages: results.length,
  notAudited: failed.length,
  seconds: Math.round((performance.now() - started) / 1000),
};
const problemCount = summary.violations + summary.smallTargets + summary.reflowFailures + summary.obscuredFocus + summary.cspViolations + summary.notAudited;
console.error(`a11y: ${summary.pages} page loads, ${summary.checks} checks, ${problemCount} problems`);
console.log(JSON.stringify(summary));
process.exitCode = problemCount ? 1 : 0;
