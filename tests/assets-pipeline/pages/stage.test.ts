// The pages stage's decisions: which artifact shards to render again, which listing pages and artifact pages of
// the previous publish to remove, and how Astro learns which part it renders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPart, BUILD_PART_FILE_ENV, writeBuildPart } from '../../../formats/pages/build-part.ts';
import {
  changedShards,
  goneArtifactIds,
  removeArtifactPages,
  staleListingFiles,
  type PagesState,
  type ShardState,
} from '../../../assets-pipeline/pages/stage.ts';

const shards = (entries: Record<string, ShardState>): Map<string, ShardState> => new Map(Object.entries(entries));
const state = (s: Partial<PagesState>): PagesState => ({ templateHash: 't1', shards: {}, listingFiles: [], collectionFiles: {}, ...s });

const roots: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-stage-'));
  roots.push(d);
  return d;
};
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

describe('changed-shard detection', () => {
  const before = state({ shards: { 'a:0': { hash: 'h1', ids: ['a1'] }, 'a:1': { hash: 'h2', ids: ['a2'] } } });

  it('renders only the shards whose records changed and the new ones', () => {
    const now = shards({ 'a:0': { hash: 'h1', ids: ['a1'] }, 'a:1': { hash: 'CHANGED', ids: ['a2'] }, 'b:0': { hash: 'h3', ids: ['b1'] } });
    expect(changedShards(before, now, 't1', true)).toEqual({ full: false, dirty: ['a:1', 'b:0'] });
  });

  it('renders nothing when nothing changed', () => {
    const now = shards({ 'a:0': { hash: 'h1', ids: ['a1'] }, 'a:1': { hash: 'h2', ids: ['a2'] } });
    expect(changedShards(before, now, 't1', true)).toEqual({ full: false, dirty: [] });
  });

  it('renders everything after a template change, with no previous state, or when dist/ has no site', () => {
    const now = shards({ 'a:0': { hash: 'h1', ids: ['a1'] }, 'a:1': { hash: 'h2', ids: ['a2'] } });
    for (const [prev, tHash, distReady] of [
      [before, 't2', true],
      [undefined, 't1', true],
      [before, 't1', false],
    ] as const) {
      expect(changedShards(prev, now, tHash, distReady)).toEqual({ full: true, dirty: ['a:0', 'a:1'] });
    }
  });
});

describe('stale page removal', () => {
  it('lists listing pages the new publish no longer makes, kept collections included', () => {
    const before = state({
      listingFiles: ['zh/browse/index.html', 'zh/browse/period/tang/index.html'],
      collectionFiles: { jades: ['zh/collections/jades/index.html', 'zh/collections/jades/2/index.html'], gone: ['zh/collections/gone/index.html'] },
    });
    const stale = staleListingFiles(before, ['zh/browse/index.html'], { jades: ['zh/collections/jades/index.html'] });
    expect(stale.sort()).toEqual(['zh/browse/period/tang/index.html', 'zh/collections/gone/index.html', 'zh/collections/jades/2/index.html']);
    expect(staleListingFiles(undefined, ['zh/browse/index.html'], {})).toEqual([]);
  });

  it('removes the pages of records that left a re-rendered or vanished shard, never of live ones', () => {
    const before = state({
      shards: {
        'a:0': { hash: 'h1', ids: ['a1', 'a2'] },
        'b:0': { hash: 'h2', ids: ['b1'] },
        'c:0': { hash: 'h3', ids: ['c1'] },
      },
    });
    // a2 was deleted (a:0 re-rendered), collection b vanished, c is unchanged, a record moved from b to c's new shard.
    const now = shards({ 'a:0': { hash: 'x', ids: ['a1'] }, 'c:0': { hash: 'h3', ids: ['c1'] }, 'c:1': { hash: 'y', ids: ['b1-moved'] } });
    expect(goneArtifactIds(before, now, ['a:0', 'c:1'], false).sort()).toEqual(['a2', 'b1']);
    // A moved record keeps its page.
    const moved = shards({ 'a:0': { hash: 'x', ids: ['a1', 'a2', 'b1'] }, 'c:0': { hash: 'h3', ids: ['c1'] } });
    expect(goneArtifactIds(before, moved, ['a:0'], false)).toEqual([]);
  });

  it('deletes every locale page of a gone record and nothing else', () => {
    const dist = tmp();
    for (const rel of ['zh/artifacts/a2/index.html', 'en/artifacts/a2/index.html', 'fr/artifacts/a2/index.html', 'zh/artifacts/a1/index.html']) {
      fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
      fs.writeFileSync(path.join(dist, rel), 'page');
    }
    expect(removeArtifactPages(dist, ['a2', 'never-published'])).toBe(3);
    expect(fs.existsSync(path.join(dist, 'zh/artifacts/a2'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'en/artifacts/a2'))).toBe(false);
    expect(fs.readFileSync(path.join(dist, 'zh/artifacts/a1/index.html'), 'utf8')).toBe('page');
  });
});

describe('the part description Astro reads', () => {
  it('is the whole site without a description, and the described part with one', () => {
    expect(buildPart({})).toEqual({ listings: true, shards: undefined, collections: undefined });
    const file = path.join(tmp(), 'part.json');
    writeBuildPart(file, { listings: false, shards: ['jades:0'], collections: null });
    expect(buildPart({ [BUILD_PART_FILE_ENV]: file })).toEqual({ listings: false, shards: new Set(['jades:0']), collections: undefined });
  });

  it('rejects a malformed description naming the file and field', () => {
    const file = path.join(tmp(), 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ listings: 'yes', shards: [], collections: null }));
    expect(() => buildPart({ [BUILD_PART_FILE_ENV]: file })).toThrow(`${file}: listings:`);
  });
});
