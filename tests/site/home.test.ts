// The home page with content shaped unlike the demo's: one collection, no scenes, films, exhibitions, panoramas or
// places. It renders the one collection and leaves every other section out, instead of failing or showing empty
// headings. The records are made by the real ingest from a fixture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { checkContent, publishContent } from '../../assets-pipeline/ingest/content.ts';

let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-home-'));
  const content = path.join(root, 'content');
  fs.cpSync(path.resolve('tests/fixtures/collections/good/collections/demo'), path.join(content, 'collections', 'demo'), { recursive: true });
  vi.stubEnv('HERITAGE_CONTENT_DIR', content);
  vi.stubEnv('HERITAGE_BUILD_DIR', path.join(root, 'build'));
  const result = await checkContent(content);
  expect(result.problems.count).toBe(0);
  publishContent(result, path.join(root, 'build', 'records'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

it('shows the one collection and no empty section when there are no scenes, films, exhibitions, panoramas or places', async () => {
  const { default: Home } = await import('../../site/pages/[locale]/index.astro');
  const container = await AstroContainer.create();
  const html = await container.renderToString(Home, { params: { locale: 'en' } });
  const sections = [...html.matchAll(/data-home-section="([^"]+)"/g)].map((m) => m[1]);
  expect(sections).toEqual(['collections']);
  expect(html).toContain('Test collection');
  expect(html).toContain('href="/en/collections/demo/"');
  expect(html).not.toContain('data-home-globe');
});
