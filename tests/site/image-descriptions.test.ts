// Image text alternatives at scale: the real ingest reads a curator's `alt` and `description` for media from the
// mapping; where a locale has no written alt, one is composed from the record in the guidelines' order (what it
// is, material, period, what it shows); the coverage counts written against composed per collection and locale.
// The records come from the test fixture collection with two columns added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAll, publishRecords } from '../../assets-pipeline/ingest/ingest.ts';
import { recordStatus } from '../../formats/translations/status.ts';
import type { Artifact } from '../../model/schema.ts';
import { descriptionCoverage } from '../../formats/translations/descriptions.ts';
import { describeImage } from '../../site/lib/image-descriptions.ts';

let root: string;
let items: Artifact[];
let ingested: ReturnType<typeof ingestAll>;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-alt-'));
  const demo = path.join(root, 'collections', 'demo');
  fs.cpSync(path.resolve('tests/fixtures/collections/good/collections/demo'), demo, { recursive: true });
  const yaml = path.join(demo, 'collection.yaml');
  fs.writeFileSync(
    yaml,
    fs
      .readFileSync(yaml, 'utf8')
      .replace(
        "- { kind: image, path: { from: images, split: '\\s*;\\s*' } }",
        "- { kind: image, path: { from: images, split: '\\s*;\\s*' }, alt: { en: alt_en }, description: { en: long_en, zh: long_zh } }",
      ),
  );
  const csv = path.join(demo, 'records.csv');
  const rows = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
  const extra = [
    'alt_en,long_en,long_zh',
    '"A squat bronze cauldron on three legs, seen from the front.","Overview first: a cauldron. Then its legs.",概览：一件三足鼎。',
    ',,',
  ];
  fs.writeFileSync(csv, `${rows.map((r, i) => `${r},${extra[i]}`).join('\n')}\n`);
  ingested = ingestAll(root);
  expect(ingested.problems.list).toEqual([]);
  items = ingested.artifacts.get('demo')!;
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('describeImage', () => {
  it("uses the curator's text where the locale has one", () => {
    const d = describeImage(items[0]!, items[0]!.media[0], 'en');
    expect(d).toMatchObject({ alt: 'A squat bronze cauldron on three legs, seen from the front.', source: 'written', lang: undefined });
    expect(d.long?.text).toBe('Overview first: a cauldron. Then its legs.');
  });

  it('composes what it is, material, period, then what it shows, in the page language', () => {
    // T-1: 鼎 ding, bronze, 1200 BCE (Shang dynasty), "Bronze ding" / 青铜鼎 (records.csv of the fixture).
    const zh = describeImage(items[0]!, items[0]!.media[0], 'zh');
    expect(zh.source).toBe('composed');
    expect(zh.alt).toBe('鼎，青铜，商：青铜鼎');
    expect(zh.long?.text).toBe('概览：一件三足鼎。');
    // T-2 has no image in the fixture; its record still composes (a card or a reused still may show it).
    expect(describeImage(items[1]!, undefined, 'en').alt).toBe('Disc, jade and gold, Han dynasty: Jade bi disc');
  });

  it('never says a file name, and marks a title that falls back to another language', () => {
    const bare: Artifact = { ...items[0]!, objectType: undefined, materials: [], period: undefined, date: undefined, title: { zh: '青铜鼎' } };
    expect(describeImage(bare, undefined, 'fr')).toMatchObject({ alt: '青铜鼎', lang: 'zh-Hans', source: 'composed' });
    const named: Artifact = { ...bare, title: { en: 'IMG_0042.JPG' } };
    expect(describeImage(named, undefined, 'en').alt).toBe('Untitled object');
    expect(describeImage({ ...named, objectType: { en: 'ding' } }, undefined, 'en').alt).toBe('Ding');
  });
});

it('counts written and composed text alternatives per collection and locale, the same in the translation status', async () => {
  // One image (T-1's); the mapping gives it an English alt, and longer descriptions in English and Chinese.
  const expected = [
    { collection: 'demo', locale: 'zh', images: 1, written: 0, composed: 1, long: 1 },
    { collection: 'demo', locale: 'en', images: 1, written: 1, composed: 0, long: 1 },
    { collection: 'demo', locale: 'fr', images: 1, written: 0, composed: 1, long: 0 },
  ];
  expect(descriptionCoverage(items)).toEqual(expected);
  const records = path.join(root, 'records');
  publishRecords(ingested, records);
  expect((await recordStatus(records)).descriptions).toEqual(expected);
});
