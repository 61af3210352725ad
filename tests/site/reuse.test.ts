// Download for reuse is offered only where the rights let anyone reuse the image (the demo's images are all
// CC BY, so the refusal is shown here, on the component itself, with real rights URIs and the UI strings).
import fs from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Reuse from '../../site/components/reuse/Reuse.astro';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { LOCALES } from '../../model/locales.ts';
import { allowsReuse, normalizeRightsUri, rightsInfo } from '../../model/rights.ts';
import { minimalArtifact } from '../fixtures/artifact.ts';

const variant = { width: 100, height: 80, avif: '/img/a.avif', webp: '/img/a.webp', jpeg: '/img/a.jpg' };
const image: ImageEntry = {
  width: 1140,
  height: 912,
  hash: 'h',
  thumb: variant,
  display: variant,
  iiif: {
    id: '/iiif/abc',
    infoUrl: '/iiif/abc/info.json',
    info: {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: '/iiif/abc',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: 1140,
      height: 912,
      sizes: [
        { width: 143, height: 114 },
        { width: 1140, height: 912 },
      ],
      tiles: [],
    },
  },
};
const second: ImageEntry = {
  ...image,
  width: 800,
  height: 1200,
  hash: 'h2',
  iiif: {
    ...image.iiif,
    id: '/iiif/def',
    infoUrl: '/iiif/def/info.json',
    info: {
      ...image.iiif.info,
      id: '/iiif/def',
      width: 800,
      height: 1200,
      sizes: [
        { width: 100, height: 150 },
        { width: 800, height: 1200 },
      ],
    },
  },
};
const artifact = (rights: string) =>
  minimalArtifact({ id: 'x1', sourceId: 'x1', title: { en: 'Jade disc' }, credit: { en: 'A Museum' }, rights, media: [{ kind: 'image', path: 'x1.jpg' }] });

describe('allowsReuse', () => {
  it('is open for CC0, the Public Domain Mark, CC BY and CC BY-SA; closed for NC, ND and rights statements', () => {
    const open = [
      'https://creativecommons.org/publicdomain/zero/1.0/',
      'http://creativecommons.org/publicdomain/mark/1.0/',
      'https://creativecommons.org/licenses/by/4.0/',
      'https://creativecommons.org/licenses/by-sa/3.0/',
    ];
    const closed = [
      'https://creativecommons.org/licenses/by-nc/4.0/',
      'https://creativecommons.org/licenses/by-nd/4.0/',
      'http://rightsstatements.org/vocab/InC/1.0/',
      'http://rightsstatements.org/vocab/NoC-NC/1.0/',
    ];
    for (const u of open) expect(allowsReuse(normalizeRightsUri(u)!), u).toBe(true);
    for (const u of closed) expect(allowsReuse(normalizeRightsUri(u)!), u).toBe(false);
  });
});

describe.each(LOCALES)('Reuse.astro in %s', (locale) => {
  const strings = JSON.parse(fs.readFileSync(`site/i18n/locales/reuse.${locale}.json`, 'utf8')) as Record<string, string>;

  it('offers every published size and a detail, with the credit and licence beside them', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Reuse, {
      props: { artifact: artifact('https://creativecommons.org/licenses/by/4.0/'), images: [image], locale, url: 'http://x/' },
    });
    expect(html).toContain('href="/iiif/abc/full/max/0/default.jpg"');
    expect(html).toContain('href="/iiif/abc/full/143,114/0/default.jpg"');
    expect(html).toContain('data-reuse-region-download');
    expect(html).toContain('A Museum');
    expect(html).toContain(rightsInfo('http://creativecommons.org/licenses/by/4.0/').name[locale]);
    expect(html).not.toContain('data-reuse-none');
    // One image: no picker, no numbering, and the file named for the record alone.
    expect(html).not.toContain('data-reuse-region-image');
    expect(html).toContain('download="x1-1140x912.jpg"');
  });

  it('offers every image of the record, each at its sizes, and a detail of the one picked', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Reuse, {
      props: { artifact: artifact('https://creativecommons.org/publicdomain/zero/1.0/'), images: [image, second], locale, url: 'http://x/' },
    });
    for (const [n, entry] of [image, second].entries()) {
      const sizes = entry.iiif.info.sizes;
      for (const size of sizes) expect(html).toContain(`download="x1-${n + 1}-${size.width}x${size.height}.jpg"`);
      expect(html).toContain(`href="${entry.iiif.id}/full/max/0/default.jpg"`);
      const label = strings.imageNumber!.replace('{{n}}', String(n + 1)).replace('{{count}}', '2');
      expect(html).toMatch(new RegExp(`<option value="${n}"[^>]*>${label.replace(/[()（）]/g, '.')}</option>`));
      expect(html).toMatch(new RegExp(`data-reuse-image="${n}"[^>]*data-width="${entry.width}"`));
    }
    expect(html).toContain(strings.downloadIntroMany);
    expect(html.match(/data-reuse-region-download/g)).toHaveLength(1);
  });

  it('offers no download where the rights do not allow reuse, and says why', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Reuse, {
      props: { artifact: artifact('http://rightsstatements.org/vocab/InC/1.0/'), images: [image, second], locale, url: 'http://x/' },
    });
    expect(html).not.toMatch(/data-reuse-size|data-reuse-region|<button/);
    expect(html).toContain('data-reuse-none');
    expect(html).toContain(strings.noReuse!.slice(0, 6));
    // rightsstatements.org's own names (its data-model's prefLabel): it publishes no Chinese one, so the Chinese
    // page shows the English name marked as English inside the Chinese sentence.
    const named = {
      zh: '<span lang="en" class="fallback">In Copyright</span>',
      en: '<span>In Copyright</span>',
      fr: '<span>Protégé par le droit d&#39;auteur</span>',
    };
    expect(html).toContain(named[locale]);
  });
});
