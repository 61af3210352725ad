// The search stage caches each collection's prepared documents: an index written from the cache must be the
// index written from the records, byte for byte, and a damaged cache is simply prepared again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDocs, runSearchStage } from '../../../assets-pipeline/search/stage.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { createOpenDataSite, type OpenDataSite } from '../open-data/temp-site.ts';

let site: OpenDataSite;
beforeAll(async () => {
  site = await createOpenDataSite();
});
afterAll(() => site.cleanup());

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name)).toString('base64'));
  }
  return out;
}

describe('search stage cache', () => {
  it('writes the same index from the cache as from the records', async () => {
    const cold = path.join(site.root, 'cold');
    const warm = path.join(site.root, 'warm');
    const direct = path.join(site.root, 'direct');
    await runSearchStage(cold);
    const cacheDir = path.join(site.build, 'search-cache');
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['demo.bin', 'synthetic.bin']);
    const cachedAt = fs.statSync(path.join(cacheDir, 'synthetic.bin')).mtimeMs;
    await runSearchStage(warm);
    expect(fs.statSync(path.join(cacheDir, 'synthetic.bin')).mtimeMs).toBe(cachedAt);
    await writeSearchIndex(allDocs(), direct);
    const expected = tree(direct);
    expect(expected.size).toBeGreaterThan(20);
    expect(tree(cold)).toEqual(expected);
    expect(tree(warm)).toEqual(expected);
  });

  it('prepares a collection again when its cache file is damaged', async () => {
    const file = path.join(site.build, 'search-cache', 'synthetic.bin');
    fs.writeFileSync(file, 'not a cache');
    const out = path.join(site.root, 'repaired');
    await runSearchStage(out);
    expect(tree(out)).toEqual(tree(path.join(site.root, 'direct')));
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});
