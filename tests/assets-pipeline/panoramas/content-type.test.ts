// Panoramas are checked like every other content type: file:line:field: message, with the line of the YAML source;
// the images are read only from inside the panorama's folder; what hotspots open must exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../assets-pipeline/ingest/content.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'panorama-type-'));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'panorama-outside-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

const tri = (s: string) => `{ zh: ${s}, en: ${s}, fr: ${s} }`;

// A hotspot may open an exhibition step: a real, valid exhibition (its cover from a small collection) with one step.
fs.cpSync(path.resolve('tests/fixtures/collections/good/collections/demo'), path.join(root, 'collections/demo'), { recursive: true });
const EXHIBITION = `title: ${tri('Show')}
summary: ${tri('A show.')}
curators: ${tri('Us')}
rights: https://creativecommons.org/licenses/by/4.0/
credit: ${tri('Us')}
cover: { artifact: T-1 }
steps:
  - { id: one, title: ${tri('One')}, text: ${tri('Text')}, media: [{ kind: quote, text: ${tri('Q')}, source: ${tri('S')} }] }
`;
const head = (variants: string, hotspots: string) => `title: ${tri('Hall')}
description: ${tri('A hall.')}
rights: https://creativecommons.org/licenses/by/4.0/
credit: ${tri('Us')}
initialView: { yaw: 0, pitch: 0 }
variants:
${variants}
hotspots:
${hotspots}
`;
const lines = async () => (await checkContent(root)).problems.list.map((p) => formatProblem(p, root));

describe('panorama content', () => {
  it('reports angles out of range, unknown targets, a missing image and a hotspot naming two things, each at its line', async () => {
    write('exhibitions/show/exhibition.yaml', EXHIBITION);
    write(
      'panoramas/hall/panorama.yaml',
      head(
        `  - { id: day, label: ${tri('Day')}, alt: ${tri('A hall by day')}, source: day.jpg }`,
        `  - { id: a, yaw: 200, pitch: 0, label: ${tri('A')}, note: ${tri('N')} }
  - { id: b, yaw: 10, pitch: -91, label: ${tri('B')}, artifact: nothing-here }
  - { id: c, yaw: 10, pitch: 0, label: ${tri('C')}, panorama: { id: nowhere } }
  - { id: d, yaw: 10, pitch: 0, label: ${tri('D')}, exhibition: { id: show, step: two } }
  - { id: e, yaw: 10, pitch: 0, label: ${tri('E')}, note: ${tri('N')}, artifact: x }`,
      ),
    );
    expect(await lines()).toEqual([
      'panoramas/hall/panorama.yaml:9:hotspots.0.yaw: yaw is from -180 to 180 degrees',
      'panoramas/hall/panorama.yaml:10:hotspots.1.pitch: pitch is from -90 to 90 degrees',
      'panoramas/hall/panorama.yaml:13:hotspots.4: a hotspot opens one thing, this one names artifact and note',
    ]);
    write(
      'panoramas/hall/panorama.yaml',
      head(
        `  - { id: day, label: ${tri('Day')}, alt: ${tri('A hall by day')}, source: day.jpg }`,
        `  - { id: b, yaw: 10, pitch: 0, label: ${tri('B')}, artifact: nothing-here }
  - { id: c, yaw: 10, pitch: 0, label: ${tri('C')}, panorama: { id: nowhere } }
  - { id: d, yaw: 10, pitch: 0, label: ${tri('D')}, exhibition: { id: show, step: two } }`,
      ),
    );
    expect(await lines()).toEqual([
      'panoramas/hall/panorama.yaml:7:variants.0.source: file not found: day.jpg',
      'panoramas/hall/panorama.yaml:9:hotspots.0.artifact: unknown artifact "nothing-here" (not in any collection)',
      'panoramas/hall/panorama.yaml:10:hotspots.1.panorama.id: unknown panorama "nowhere" (not in content/panoramas/)',
      'panoramas/hall/panorama.yaml:11:hotspots.2.exhibition.step: exhibition "show" has no step "two"',
    ]);
  });

  it('refuses an image linked from outside its folder, and accepts the panorama once all is right', async () => {
    fs.writeFileSync(path.join(outside, 'secret.jpg'), 'x');
    fs.symlinkSync(path.join(outside, 'secret.jpg'), path.join(root, 'panoramas/hall/day.jpg'));
    write(
      'panoramas/hall/panorama.yaml',
      head(
        `  - { id: day, label: ${tri('Day')}, alt: ${tri('A hall by day')}, source: day.jpg }`,
        `  - { id: d, yaw: 10, pitch: 0, label: ${tri('D')}, exhibition: { id: show, step: one } }`,
      ),
    );
    const [problem] = await lines();
    expect(problem).toMatch(/^panoramas\/hall\/panorama\.yaml:7:variants\.0\.source: day\.jpg resolves to .*secret\.jpg, outside content\/panoramas\/hall\//);
    fs.rmSync(path.join(root, 'panoramas/hall/day.jpg'));
    fs.writeFileSync(path.join(root, 'panoramas/hall/day.jpg'), 'x');
    const r = await checkContent(root);
    expect(r.problems.list).toEqual([]);
    expect(r.types.get('panoramas')?.map((p) => p.id)).toEqual(['hall']);
  });
});
