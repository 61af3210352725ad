import fs from 'node:fs';
import path from 'node:path';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImageStage } from '../../../assets-pipeline/images/stage.ts';
import { readImageManifest } from '../../../formats/manifests/images.ts';
import { mediaDir } from '../../../model/paths.ts';
import { makeImageFixtures } from '../../fixtures/images/make-fixtures.ts';
import { createTempSite, type TempSite } from '../images/temp-site.ts';

let site: TempSite;
const iiifDir = () => path.join(mediaDir(), 'iiif');
const readJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

function allDocuments(): string[] {
  const out = [path.join(iiifDir(), 'collection.json')];
  for (const sub of ['manifests', 'collections']) {
    for (const n of fs.readdirSync(path.join(iiifDir(), sub))) out.push(path.join(iiifDir(), sub, n));
  }
  return out;
}

beforeAll(async () => {
  site = createTempSite();
  const fx = await makeImageFixtures(path.join(site.mediaDir('jades'), 'in'));
  site.mediaDir('paintings');
  site.writeRecords([
    {
      slug: 'jades',
      artifacts: [
        {
          id: '玉碗-1',
          title: { zh: '青玉碗', en: 'Green jade bowl', fr: 'Bol en jade vert' },
          description: { zh: '乾隆题诗', en: 'Poem by Qianlong' },
          objectType: { zh: '碗', en: 'bowl' },
          date: { display: { en: '1756' }, from: 1756, to: 1756 },
          identifiers: [{ scheme: 'npm-object-number', value: '古玉0636' }],
          media: [
            { kind: 'image', path: 'in/good.jpg', label: { en: 'Front' } },
            { kind: 'image', path: 'in/small-alpha.png' },
          ],
        },
        { id: 'cmyk', title: { en: 'CMYK' }, media: [{ kind: 'image', path: 'in/cmyk.jpg' }] },
        { id: 'text-only', title: { en: 'No image' } },
      ],
    },
    { slug: 'paintings', artifacts: [] },
  ]);
  void fx;
  await runImageStage({ progress: false, log: () => {}, baseUrl: 'https://heritage.example.org' });
}, 60_000);

afterAll(() => site.cleanup());

describe('IIIF Presentation 3 documents', () => {
  it('every manifest and collection parses with @iiif/parser without warnings', () => {
    const docs = allDocuments();
    expect(docs.map((d) => path.basename(d)).sort()).toEqual(['cmyk.json', 'collection.json', 'jades.json', 'paintings.json', '玉碗-1.json']);
    for (const file of docs) {
      const json = readJson(file);
      const { resource, entities } = normalize(json);
      expect(resource.type, file).toBe(json.type);
      expect(Object.keys(entities[json.type as 'Manifest']), file).toContain(json.id);
      if (json.type === 'Manifest') {
        const state = { warnings: [] as string[] };
        presentation3StrictUpgrade(structuredClone(json), state);
        expect(state.warnings, file).toEqual([]);
      }
    }
  });

  it('a manifest carries language maps, rights, credit, thumbnail and one canvas per image', () => {
    const m = readJson(path.join(iiifDir(), 'manifests', '玉碗-1.json'));
    const images = readImageManifest();
    expect(m.id).toBe(`https://heritage.example.org/iiif/manifests/${encodeURIComponent('玉碗-1')}.json`);
    expect(m.label).toEqual({ zh: ['青玉碗'], en: ['Green jade bowl'], fr: ['Bol en jade vert'] });
    expect(m.summary).toEqual({ zh: ['乾隆题诗'], en: ['Poem by Qianlong'] });
    expect(m.rights).toBe('http://rightsstatements.org/vocab/NoC-NC/1.0/');
    expect(m.requiredStatement.value).toEqual({ zh: ['测试博物馆'], en: ['Test museum'], fr: ['Musée test'] });
    expect(m.metadata.map((r: { label: { en: string[] } }) => r.label.en[0])).toEqual(['Object type', 'Date', 'Identifier']);
    expect(m.thumbnail[0].id).toBe(images['jades/in/good.jpg']!.thumb.jpeg);
    expect(m.items).toHaveLength(2);
    const body = m.items[0].items[0].items[0].body;
    expect(m.items[0]).toMatchObject({ width: 1300, height: 900, label: { en: ['Front'] } });
    expect(body.service[0]).toEqual({ id: images['jades/in/good.jpg']!.iiif.id, type: 'ImageService3', profile: 'level0' });
    expect(body.service[0].id).toMatch(/^https:\/\/heritage\.example\.org\/iiif\/[0-9a-f-]+$/);
  });

  it('collections list the manifests that exist; an artifact without images has none', () => {
    const jades = readJson(path.join(iiifDir(), 'collections', 'jades.json'));
    expect(jades.items.map((i: { id: string }) => i.id.split('/').pop())).toEqual([`${encodeURIComponent('玉碗-1')}.json`, 'cmyk.json']);
    expect(fs.existsSync(path.join(iiifDir(), 'manifests', 'text-only.json'))).toBe(false);
    const top = readJson(path.join(iiifDir(), 'collection.json'));
    expect(top.items.map((i: { id: string }) => i.id)).toEqual([
      'https://heritage.example.org/iiif/collections/jades.json',
      'https://heritage.example.org/iiif/collections/paintings.json',
    ]);
  });

  it('a changed base URL rewrites ids without rendering pixels', async () => {
    const run = await runImageStage({ progress: false, log: () => {}, baseUrl: '' });
    expect(run.rendered).toBe(0);
    const e = readImageManifest()['jades/in/good.jpg']!;
    expect(e.iiif.id).toMatch(/^\/iiif\//);
    expect(readJson(path.join(mediaDir(), ...e.iiif.infoUrl.split('/').filter(Boolean))).id).toBe(e.iiif.id);
  });
});
