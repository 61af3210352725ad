// A content id is part of its addresses: one that would publish onto an address the site itself uses is refused at
// validation (file:line:field, exit 1, nothing published). The site publishes the scenes' monitoring downloads in
// /downloads/monitoring/ beside each collection's /downloads/<id>/, and a drama's QC page at /dramas/<id>/qc/ beside
// its episodes' /dramas/<id>/<episode>/ (site/pages).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { dramas } from '../../../assets-pipeline/ingest/content-types/dramas.ts';
import { slugClash, type SlugKind } from '../../../formats/urls.ts';
import { ROOT } from '../../../model/paths.ts';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reserved-slugs-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function heritage(content: string, build: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/heritage.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: build },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('content ids that would publish onto the site’s own addresses', () => {
  it('a collection "monitoring": validate and ingest refuse it at its id line, and write no records', () => {
    const content = path.join(tmp, 'collection', 'content');
    const dir = path.join(content, 'collections', 'monitoring');
    fs.cpSync(path.resolve('tests/fixtures/collections/good/collections/demo'), dir, { recursive: true });
    const yaml = fs.readFileSync(path.join(dir, 'collection.yaml'), 'utf8').replace(/^id: demo$/m, 'id: monitoring');
    fs.writeFileSync(path.join(dir, 'collection.yaml'), yaml);
    const line = yaml.split('\n').indexOf('id: monitoring') + 1;
    const build = path.join(tmp, 'collection', 'build');
    for (const command of ['validate', 'ingest']) {
      const r = heritage(content, build, command);
      expect(r.status, r.output).toBe(1);
      expect(r.output).toContain(`collections/monitoring/collection.yaml:${line}:id: "monitoring" would publish onto the site's own /downloads/monitoring/`);
    }
    expect(fs.existsSync(path.join(build, 'records'))).toBe(false);
  }, 60_000);

  it('a drama episode "qc": refused at its id line', () => {
    const content = path.join(tmp, 'drama', 'content');
    const dir = path.join(content, 'dramas', 'synfig-studio-course');
    fs.mkdirSync(dir, { recursive: true });
    const source = fs.readFileSync('content/dramas/synfig-studio-course/drama.yaml', 'utf8');
    const yaml = source.replace('- id: 02-first-animation', '- id: qc');
    fs.writeFileSync(path.join(dir, 'drama.yaml'), yaml);
    const lines = yaml.split('\n');
    const line = lines.indexOf('  - id: qc') + 1;
    const index = lines.filter((l) => l.startsWith('  - id: ')).indexOf('  - id: qc');
    const { records, problems } = checkContentType(dramas, content);
    expect(records).toEqual([]);
    expect(problems.map((p) => `${path.relative(content, p.file)}:${p.row}:${p.field}: ${p.message}`)).toEqual([
      `dramas/synfig-studio-course/drama.yaml:${line}:episodes.${index}.id: "qc" would publish onto the site's own /dramas/…/qc/: choose another id`,
    ]);
  });

  it('every other kind of content is free to use the names of the site’s own folders and files', () => {
    // Every fixed name in the site's page tree (site/pages) and in the addresses of the open data (formats/urls.ts).
    const names = new Set(['downloads', 'monitoring', 'api', 'cite', 'oai', 'iiif', 'sitemaps', 'cesium', 'exhibitions']);
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!e.name.startsWith('[')) names.add(e.name.replace(/\.(astro|ts)$/, '').replace(/\.json$/, ''));
        if (e.isDirectory()) walk(path.join(dir, e.name));
      }
    };
    walk('site/pages');
    const kinds: SlugKind[] = ['collection', 'exhibition', 'scene', 'drama', 'episode', 'panorama', 'live'];
    const clashes = kinds.flatMap((kind) => [...names].filter((n) => /^[a-z0-9][a-z0-9-]*$/.test(n) && slugClash(kind, n)).map((n) => `${kind} ${n}`));
    expect(clashes).toEqual(['collection monitoring', 'episode qc']);
  });
});
