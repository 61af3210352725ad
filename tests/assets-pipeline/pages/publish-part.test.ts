// Publishing a rendered page part: new folders are renamed in whole, changed files replace old ones, identical
// files are not touched (same mtime), and files outside the part's selection never move.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishPart, type Selection } from '../../../assets-pipeline/pages/publish-part.ts';

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
  roots.push(dir);
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

const pagesOnly: Selection = { file: (rel) => rel.startsWith('zh/artifacts/'), whole: (dir) => dir.startsWith('zh/artifacts/') };

describe('publishPart', () => {
  it('moves a new folder whole, replaces changed files, keeps identical ones and ignores the rest', () => {
    const dist = tree({ 'zh/artifacts/a/index.html': 'A', 'zh/artifacts/b/index.html': 'old B', 'zh/index.html': 'home' });
    const keptAt = fs.statSync(path.join(dist, 'zh/artifacts/a/index.html')).mtimeMs;
    const staging = tree({
      'zh/artifacts/a/index.html': 'A',
      'zh/artifacts/b/index.html': 'new B',
      'zh/artifacts/c/index.html': 'C',
      'zh/artifacts/c/data.json': '{}',
      'zh/index.html': 'shard home',
    });
    const listed = publishPart(staging, dist, pagesOnly, true);
    expect(listed.sort()).toEqual(['zh/artifacts/a/index.html', 'zh/artifacts/b/index.html', 'zh/artifacts/c/data.json', 'zh/artifacts/c/index.html']);
    expect(read(dist, 'zh/artifacts/b/index.html')).toBe('new B');
    expect(read(dist, 'zh/artifacts/c/index.html')).toBe('C');
    expect(read(dist, 'zh/artifacts/c/data.json')).toBe('{}');
    expect(fs.statSync(path.join(dist, 'zh/artifacts/a/index.html')).mtimeMs).toBe(keptAt);
    expect(read(dist, 'zh/index.html')).toBe('home');
    expect(fs.existsSync(staging)).toBe(false);
  });

  it('publishes into an empty dist/ with whole-folder renames', () => {
    const dist = path.join(tree({}), 'dist');
    const staging = tree({ 'zh/artifacts/a/index.html': 'A', 'zh/artifacts/b/index.html': 'B', 'en/index.html': 'not ours' });
    expect(publishPart(staging, dist, pagesOnly)).toEqual([]);
    expect(read(dist, 'zh/artifacts/a/index.html')).toBe('A');
    expect(read(dist, 'zh/artifacts/b/index.html')).toBe('B');
    expect(fs.existsSync(path.join(dist, 'en'))).toBe(false);
  });
});
