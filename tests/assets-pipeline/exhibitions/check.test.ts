// Each kind of broken reference a curator can write in an exhibition is refused with file:line:field: message,
// checked against the real demo content (jades, scenes, dramas, places, routes, monitoring).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExhibition, type ExhibitionRefs } from '../../../assets-pipeline/exhibitions/check.ts';
import { exhibitionRefs } from '../../../assets-pipeline/exhibitions/refs.ts';
import { checkContent, readContext } from '../../../assets-pipeline/ingest/content.ts';
import { formatProblem, Problems } from '../../../assets-pipeline/ingest/problems.ts';
import { contentTypes } from '../../../assets-pipeline/ingest/registry.ts';

let refs: ExhibitionRefs;
beforeAll(async () => {
  // What the demo content offers an exhibition: every type read before exhibitions.
  const content = path.resolve('content');
  const before = contentTypes.slice(
    0,
    contentTypes.findIndex((t) => t.name === 'exhibitions'),
  );
  const result = await checkContent(content, {}, before);
  refs = await exhibitionRefs(readContext(result, content, path.join(os.tmpdir(), 'no-published-records')));
});

// A valid exhibition; each case swaps one line for a broken one. Line numbers below count from 1 here.
const GOOD = `title: { en: Test }
summary: { en: A test. }
curators: { en: Tester }
rights: https://creativecommons.org/licenses/by/4.0/
credit: { en: Test }
cover: { artifact: npm-jade-jade001 }
steps:
  - id: one
    title: { en: One }
    text: { en: Some *text*. }
    media:
      - { kind: artifacts, ids: [npm-jade-jade001] }
      - { kind: region, artifact: npm-jade-jade001, xywh: '0,0,100,100', alt: { en: a detail } }
  - id: two
    title: { en: Two }
    text: { zh: 文字 }
    media:
      - { kind: scene, scene: library-cave, hotspot: stele, alt: { en: the stele } }
      - { kind: clip, drama: pepper-and-carrot-ep06, episode: the-potion-contest, start: 10, end: 20, alt: { en: a clip } }
  - id: three
    title: { en: Three }
    text: { fr: Texte }
    media:
      - { kind: globe, places: [mogao-caves], routes: [pelliot-1908], alt: { en: a map } }
`;

async function problemsFor(yaml: string, files: (dir: string) => void = () => undefined): Promise<{ lines: string[]; published: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exh-'));
  fs.mkdirSync(path.join(root, 'demo'));
  fs.writeFileSync(path.join(root, 'demo', 'exhibition.yaml'), yaml);
  files(path.join(root, 'demo'));
  const problems = new Problems();
  const ok = await checkExhibition(path.join(root, 'demo', 'exhibition.yaml'), refs, problems);
  const lines = problems.list.map((p) => formatProblem(p, root));
  fs.rmSync(root, { recursive: true });
  return { lines, published: ok ? 1 : 0 };
}

const swap = (from: string, to: string): string => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('exhibition validation', () => {
  it('accepts a valid exhibition mixing artifacts, a region, a scene hotspot, a clip and a globe view', async () => {
    expect(await problemsFor(GOOD)).toEqual({ lines: [], published: 1 });
  });

  const F = 'demo/exhibition.yaml';
  // jade001's image is 1140×855 pixels (content/collections/npm-jades/media/images/jade001_full1140.jpg); the potion
  // contest is 401 s long (content/dramas/pepper-and-carrot-ep06/drama.yaml).
  it.each([
    ['unknown artifact', ['ids: [npm-jade-jade001] }', 'ids: [npm-jade-jade999] }'], `${F}:12:steps.0.media.0.ids.0: unknown artifact "npm-jade-jade999"`],
    ['unknown cover artifact', ['cover: { artifact: npm-jade-jade001 }', 'cover: { artifact: nope }'], `${F}:6:cover.artifact: unknown artifact "nope"`],
    [
      'region outside its image',
      ["xywh: '0,0,100,100'", "xywh: '1100,800,100,100'"],
      `${F}:13:steps.0.media.1.xywh: region 1100,800,100,100 lies outside the image (1140×855 pixels)`,
    ],
    ['a cover naming no step', ['cover: { artifact: npm-jade-jade001 }', 'cover: { step: nine }'], `${F}:6:cover.step: no step "nine" in this exhibition`],
    [
      'unknown phase of a scene',
      ['hotspot: stele', 'hotspot: stele, phase: built-1056'],
      `${F}:18:steps.1.media.0.phase: scene "library-cave" has no phase (variant) "built-1056"`,
    ],
    ['unknown scene', ['scene: library-cave,', 'scene: no-such-cave,'], `${F}:18:steps.1.media.0.scene: unknown scene "no-such-cave"`],
    ['unknown hotspot', ['hotspot: stele', 'hotspot: no-such-spot'], `${F}:18:steps.1.media.0.hotspot: scene "library-cave" has no hotspot "no-such-spot"`],
    ['unknown drama', ['drama: pepper-and-carrot-ep06', 'drama: no-such-film'], `${F}:19:steps.1.media.1.drama: unknown drama "no-such-film"`],
    [
      'unknown episode',
      ['episode: the-potion-contest', 'episode: ep-99'],
      `${F}:19:steps.1.media.1.episode: drama "pepper-and-carrot-ep06" has no episode "ep-99"`,
    ],
    [
      'clip outside its episode',
      ['start: 10, end: 20', 'start: 390, end: 420'],
      `${F}:19:steps.1.media.1.end: the clip ends at 420 s, after the episode (401 s)`,
    ],
    [
      'unknown place',
      ['places: [mogao-caves]', 'places: [atlantis]'],
      `${F}:24:steps.2.media.0.places.0: unknown place "atlantis" (not in content/places.yaml)`,
    ],
    [
      'unknown route',
      ['routes: [pelliot-1908]', 'routes: [marco-polo]'],
      `${F}:24:steps.2.media.0.routes.0: unknown route "marco-polo" (not in content/routes.yaml)`,
    ],
    ['text missing in every locale', ['text: { fr: Texte }', 'text: {}'], `${F}:22:steps.2.text: needs text in at least one of zh, en, fr`],
    ['duplicate step id', ['  - id: three', '  - id: one'], `${F}:20:steps.2.id: duplicate step id "one"`],
    [
      'a narration recording that is not there',
      ['- { kind: globe,', '- { kind: narration, audio: { en: narration/one.mp3 }, transcript: { en: Words. } }\n      - { kind: globe,'],
      `${F}:24:steps.2.media.0.audio.en: file not found: narration/one.mp3`,
    ],
  ])('refuses %s', async (_kind, [from, to], expected) => {
    const { lines, published } = await problemsFor(swap(from!, to!));
    expect(lines).toEqual([expected]);
    expect(published).toBe(0);
  });

  it('reads its own image only from inside its folder: a link out of it is refused, a real file accepted', async () => {
    const withImage = `${GOOD}      - { kind: image, path: photo.jpg, alt: { en: a photo } }\n`;
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'exh-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.jpg'), 'x');
    const linked = await problemsFor(withImage, (dir) => fs.symlinkSync(path.join(outside, 'secret.jpg'), path.join(dir, 'photo.jpg')));
    expect(linked.lines).toEqual([
      expect.stringMatching(/^demo\/exhibition\.yaml:25:steps\.2\.media\.1\.path: photo\.jpg resolves to .*secret\.jpg, outside content\/exhibitions\/demo\//),
    ]);
    expect(linked.published).toBe(0);
    expect(await problemsFor(withImage)).toEqual({ lines: [`${F}:25:steps.2.media.1.path: file not found: photo.jpg`], published: 0 });
    expect(await problemsFor(withImage, (dir) => fs.writeFileSync(path.join(dir, 'photo.jpg'), 'x'))).toEqual({ lines: [], published: 1 });
    fs.rmSync(outside, { recursive: true });
  });

  // A view into a panorama, checked against content/panoramas/library-cave-corridor/panorama.yaml: variants
  // as-modelled and evidence, hotspots doorway and discovery; angles as the panorama schema bounds them.
  const GLOBE = '- { kind: globe, places: [mogao-caves], routes: [pelliot-1908], alt: { en: a map } }';
  const PANO = '- { kind: panorama, panorama: library-cave-corridor, variant: evidence, hotspot: doorway, alt: { en: the door } }';
  const panoramaStep = (from = '', to = '') => {
    const yaml = swap(GLOBE, PANO);
    expect(yaml).toContain(from);
    return yaml.replace(from, to);
  };
  it('accepts a step looking into a panorama at a hotspot, or at a view, in a variant', async () => {
    expect(await problemsFor(panoramaStep())).toEqual({ lines: [], published: 1 });
    expect(await problemsFor(panoramaStep('hotspot: doorway', 'view: { yaw: -35, pitch: -5, zoom: 40 }'))).toEqual({ lines: [], published: 1 });
  });
  it.each([
    [
      'unknown panorama',
      ['panorama: library-cave-corridor', 'panorama: library-cave-roof'],
      `${F}:24:steps.2.media.0.panorama: unknown panorama "library-cave-roof" (not in content/panoramas/)`,
    ],
    [
      'unknown panorama variant',
      ['variant: evidence', 'variant: winter'],
      `${F}:24:steps.2.media.0.variant: panorama "library-cave-corridor" has no variant "winter" (it has as-modelled, evidence)`,
    ],
    [
      'unknown panorama hotspot',
      ['hotspot: doorway', 'hotspot: stele'],
      `${F}:24:steps.2.media.0.hotspot: panorama "library-cave-corridor" has no hotspot "stele"`,
    ],
    ['yaw out of range', ['hotspot: doorway', 'view: { yaw: 200, pitch: 0 }'], `${F}:24:steps.2.media.0.view.yaw: yaw is from -180 to 180 degrees`],
    ['pitch out of range', ['hotspot: doorway', 'view: { yaw: 0, pitch: -95 }'], `${F}:24:steps.2.media.0.view.pitch: pitch is from -90 to 90 degrees`],
    ['zoom out of range', ['hotspot: doorway', 'view: { yaw: 0, zoom: 120 }'], `${F}:24:steps.2.media.0.view.zoom: zoom is from 0 to 100`],
    ['both a view and a hotspot', ['hotspot: doorway', 'hotspot: doorway, view: { yaw: 0 }'], `${F}:24:steps.2.media.0: give "view" or "hotspot", not both`],
  ])('refuses a panorama step with %s', async (_kind, [from, to], expected) => {
    const { lines, published } = await problemsFor(panoramaStep(from, to));
    expect(lines).toEqual([expected]);
    expect(published).toBe(0);
  });

  it('reports broken YAML with its line, and publishes nothing', async () => {
    const { lines, published } = await problemsFor(swap('title: { en: Two }', 'title: { en: Two'));
    expect(lines[0]).toMatch(/^demo\/exhibition\.yaml:\d+:-: YAML: /);
    expect(published).toBe(0);
  });
});
