// A throwaway content + build folder with normalized records written through the schema, so the image
// tests do not depend on the importer. Sets HERITAGE_CONTENT_DIR / HERITAGE_BUILD_DIR for the stage.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { artifact, collection, type ArtifactInput } from '../../../model/schema.ts';

export interface TempSite {
  root: string;
  content: string;
  build: string;
  mediaDir(collection: string): string;
  writeRecords(collections: { slug: string; artifacts: Omit<ArtifactInput, 'type' | 'collection' | 'rights' | 'credit' | 'sourceId'>[] }[]): void;
  cleanup(): void;
}

export function createTempSite(): TempSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-images-'));
  const content = path.join(root, 'content');
  const build = path.join(root, 'build');
  process.env.HERITAGE_CONTENT_DIR = content;
  process.env.HERITAGE_BUILD_DIR = build;
  const hash = (v: unknown) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex');
  return {
    root,
    content,
    build,
    mediaDir: (slug) => {
      const d = path.join(content, 'collections', slug, 'media');
      fs.mkdirSync(d, { recursive: true });
      return d;
    },
    writeRecords(cols) {
      const records = path.join(build, 'records');
      fs.mkdirSync(path.join(records, 'artifacts'), { recursive: true });
      const stored = cols.map(({ slug }) => {
        const c = collection.parse({
          type: 'collection',
          id: slug,
          title: { zh: `藏品 ${slug}`, en: `Collection ${slug}` },
          description: { en: `Test collection ${slug}` },
          rights: 'https://creativecommons.org/publicdomain/zero/1.0/',
          credit: { en: 'Test museum', zh: '测试博物馆' },
        });
        return { ...c, hash: hash(c) };
      });
      fs.writeFileSync(path.join(records, 'collections.json'), JSON.stringify(stored));
      for (const { slug, artifacts } of cols) {
        const lines = artifacts.map((a) => {
          const parsed = artifact.parse({
            type: 'artifact',
            collection: slug,
            sourceId: `src:${a.id}`,
            rights: 'http://rightsstatements.org/vocab/NoC-NC/1.0/',
            credit: { en: 'Test museum', zh: '测试博物馆', fr: 'Musée test' },
            ...a,
          });
          return JSON.stringify({ ...parsed, hash: hash(parsed) });
        });
        fs.writeFileSync(path.join(records, 'artifacts', `${slug}.jsonl`), `${lines.join('\n')}\n`);
      }
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
      delete process.env.HERITAGE_CONTENT_DIR;
      delete process.env.HERITAGE_BUILD_DIR;
    },
  };
}
