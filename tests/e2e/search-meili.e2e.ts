// A site built for Meilisearch carries the search-only key to its search page and never the admin key.
// Builds the listings part (where the search pages are) of the e2e demo with a Meilisearch configuration.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_PART_FILE_ENV, writeBuildPart } from '../../formats/pages/build-part.ts';
import { E2E_BUILD, E2E_ROOT } from './env.ts';

const dist = path.join(E2E_ROOT, 'dist-meili');
const partFile = path.join(E2E_ROOT, 'dist-meili.part.json');
const ADMIN = 'admin-key-that-must-never-ship-7f3a9c';
const SEARCH = 'search-only-key-4b1d2e';

beforeAll(() => {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(E2E_ROOT, { recursive: true });
  writeBuildPart(partFile, { listings: true, shards: [], collections: null });
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      HERITAGE_BUILD_DIR: E2E_BUILD,
      HERITAGE_DIST_DIR: dist,
      [BUILD_PART_FILE_ENV]: partFile,
      HERITAGE_ASTRO_CACHE_DIR: `${dist}.cache`,
      HERITAGE_MEILI_HOST: 'http://127.0.0.1:7700',
      HERITAGE_MEILI_SEARCH_KEY: SEARCH,
      HERITAGE_MEILI_ADMIN_KEY: ADMIN,
    },
  });
  expect(r.status).toBe(0);
}, 300_000);

describe('a site configured for Meilisearch', () => {
  it('gives the search page the search-only key', () => {
    const html = fs.readFileSync(path.join(dist, 'en', 'search', 'index.html'), 'utf8');
    expect(html).toContain(SEARCH);
    expect(html).toContain('127.0.0.1:7700');
  });

  it('holds the admin key in no built file', () => {
    const leaks: string[] = [];
    let scanned = 0;
    for (const e of fs.readdirSync(dist, { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !/\.(html|js|mjs|json|css|txt|xml|map)$/.test(e.name)) continue;
      scanned++;
      if (fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').includes(ADMIN)) leaks.push(path.join(e.parentPath, e.name));
    }
    expect(scanned).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  });
});
