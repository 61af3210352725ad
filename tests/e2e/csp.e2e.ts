// The strict Content-Security-Policy (model/csp.ts) holds on the built site: no built page carries an inline
// script or a policy-less <head>, `_headers` and the server send the policy, and in Chromium every film page in every
// locale plays with zero violation reports. The other page loads are checked where the browser tests make them: one
// page of every template in every locale by the accessibility audit (a11y-audit.ts), the scene and globe pages with
// their viewers started by the viewers' tests, and every page opened through watchProblems (page-problems.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sitePolicy } from '../../model/csp.ts';
import { liveStreamOrigins } from '../../model/live.ts';
import { LOCALES } from '../../model/locales.ts';
import { cspConsole, cspViolations, recordCspViolations } from '../../scripts/tools/a11y/audit.ts';
import { E2E_BUILD, E2E_DIST } from './env.ts';
import { htmlFiles, playerLabelLength, templateSamples } from './pages.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

/** Script types a browser runs; a JSON or JSON-LD data block is not run and the policy does not apply to it. */
const RUN = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Exhibitions with a globe step, read from their files. */
const GLOBE_STORIES = fs
  .readdirSync('content/exhibitions')
  .filter((id) => /kind: globe\b/.test(fs.readFileSync(path.join('content/exhibitions', id, 'exhibition.yaml'), 'utf8')));

describe('strict Content-Security-Policy', () => {
  it('no built page carries an inline script, an event-handler attribute or a javascript: URL, and every page has its policy', () => {
    const problems: string[] = [];
    const files = htmlFiles(E2E_DIST);
    for (const file of files) {
      const doc = parseDocument(fs.readFileSync(file, 'utf8'));
      const rel = path.relative(E2E_DIST, file);
      for (const el of DomUtils.findAll(() => true, doc.children)) {
        if (el.name === 'script' && RUN.has((el.attribs.type ?? '').toLowerCase()) && !el.attribs.src) problems.push(`${rel}: inline <script>`);
        for (const [k, v] of Object.entries(el.attribs)) {
          if (/^on[a-z]+$/.test(k)) problems.push(`${rel}: ${el.name} ${k}=`);
          if ((k === 'href' || k === 'src' || k === 'action') && /^\s*javascript:/i.test(v)) problems.push(`${rel}: javascript: URL`);
        }
      }
      const meta = DomUtils.findOne((e) => e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'content-security-policy', doc.children);
      if (!meta) problems.push(`${rel}: no CSP meta tag`);
      else {
        // Only the globe's pages may evaluate strings and run blob: scripts (CesiumJS's combined build; see
        // model/csp.ts): the globe page, and the exhibitions that open the globe in a step.
        const allowed =
          /^\w\w\/map\//.test(rel) || GLOBE_STORIES.some((id) => new RegExp(`^\\w\\w/exhibitions/${id}/`).test(rel))
            ? /(^|; )script-src 'self' 'wasm-unsafe-eval' blob: 'unsafe-eval'(;|$)/
            : /(^|; )script-src 'self'( 'wasm-unsafe-eval')?(;|$)/;
        if (!allowed.test(meta.attribs.content ?? '')) problems.push(`${rel}: script-src is not strict: ${meta.attribs.content}`);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('is in _headers for static hosts and sent by the local server', async () => {
    // The site-wide policy also allows the live views' stream hosts (the demo's is on the loopback address).
    const streams = liveStreamOrigins(path.join(E2E_BUILD, 'records'));
    expect(streams).toEqual(['http://127.0.0.1:8938']);
    const headers = fs.readFileSync(path.join(E2E_DIST, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${sitePolicy(streams)}`);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    const res = await fetch(`${base}/en/`);
    expect(res.headers.get('content-security-policy')).toBe(sitePolicy(streams));
  });

  // The scene and globe pages are checked by the viewers' own tests as they start the viewers (scene, pagoda, globe,
  // viewer-ui), every page through watchProblems (page-problems.ts), and one page of every template in every locale by
  // the accessibility audit. Only films are played here: every film's page and the sampled episode page, in every
  // locale.
  it('every film page in every locale plays with zero violation reports; the recorders see a violation', async () => {
    const urls = new Set(
      templateSamples(E2E_DIST)
        .flatMap((t) => t.urls)
        .filter((u) => /^\/\w\w\/dramas\//.test(u)),
    );
    for (const l of LOCALES)
      for (const e of fs.readdirSync(path.join(E2E_DIST, l, 'dramas'), { withFileTypes: true })) if (e.isDirectory()) urls.add(`/${l}/dramas/${e.name}/`);
    const players = [...urls].filter((u) => playerLabelLength(fs.readFileSync(path.join(E2E_DIST, u, 'index.html'), 'utf8')) > 0).sort();
    expect(players.length).toBeGreaterThanOrEqual(9);
    const violations: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    await recordCspViolations(context);
    let started = 0;
    for (const url of players) {
      const page = await context.newPage();
      const logged = cspConsole(page);
      await page.goto(base + url, { waitUntil: 'load' });
      if (await page.$eval('video', (v) => !!v.querySelector('source, track') || !!v.src)) {
        await page.waitForFunction(() => document.querySelector('video')?.dataset.hls === 'on', undefined, { timeout: 20_000 });
        started++;
      }
      for (const v of [...(await cspViolations(page)), ...logged]) violations.push(`${url}: ${v}`);
      await page.close();
    }
    // Both recorders (the report listener the audit uses, and the console listener every other browser test uses)
    // see a violation: an inline script added to a page.
    const probe = await context.newPage();
    const logged = cspConsole(probe);
    await probe.goto(`${base}/en/`, { waitUntil: 'load' });
    await probe.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await probe.waitForFunction(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).length > 0);
    expect((await cspViolations(probe)).join('\n')).toMatch(/script-src/);
    await expect.poll(() => logged.join('\n')).toMatch(/inline script violates the following Content Security Policy directive 'script-src/);
    expect(await probe.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await context.close();
    expect(violations).toEqual([]);
    expect(started).toBe(players.length);
  }, 300_000);
});
