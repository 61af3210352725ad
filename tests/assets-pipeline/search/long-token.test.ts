// A hostile record with a 100 KB one-word title: the index writer gives tokens over TYPO_MAX no typo keys, so
// writing stays close to the time of the same records without it, and normal words keep their typo tolerance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactToDocs } from '../../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { TYPO_MAX } from '../../../formats/search-index/layout.ts';
import { createSearch } from '../../../site/components/search/runtime/engine.ts';
import { realArtifacts } from './real-records.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'long-token-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function timedWrite(name: string, records: ReturnType<typeof realArtifacts>): Promise<number> {
  const t0 = performance.now();
  await writeSearchIndex(
    records.flatMap((r) => artifactToDocs(r)),
    path.join(dir, name),
  );
  return performance.now() - t0;
}

describe('a 100 KB token', () => {
  it('costs the index writer no more than a few plain records, and typos still match ordinary words', async () => {
    const records = realArtifacts().slice(0, 60);
    const long = 'a'.repeat(50_000) + 'b'.repeat(50_000);
    const hostile = [{ ...records[0]!, id: 'hostile-long-title', title: { en: long, zh: long, fr: long } }, ...records.slice(1)];
    await timedWrite('warm', records);
    const plain = await timedWrite('plain', records);
    const withLong = await timedWrite('hostile', hostile);
    expect(long.length).toBeGreaterThan(TYPO_MAX);
    // Uncapped, the deletion keys of this one title alone are 100,000 strings of 100 KB (10 GB): it would not finish.
    expect(withLong).toBeLessThan(plain * 3 + 2000);
    const engine = createSearch(path.join(dir, 'hostile'), async (file) => new Uint8Array(fs.readFileSync(file)));
    // An ordinary word of a real title, and the same word with two letters swapped.
    const word = records
      .slice(1)
      .flatMap((r) => (r.title.en ?? '').toLowerCase().split(/[^a-z]+/))
      .find((w) => w.length >= 7)!;
    const typo = word.slice(0, 3) + word[4] + word[3] + word.slice(5);
    const hits = (await engine.search({ q: typo, locale: 'en', limit: 50 })).hits;
    const exact = (await engine.search({ q: word, locale: 'en', limit: 50 })).hits;
    expect(exact.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.href)).toEqual(exact.map((h) => h.href));
  }, 120_000);
});
