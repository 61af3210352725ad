// Every internal link, image, script and stylesheet in dist/ resolves to a built page or published file.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { expect, it } from 'vitest';
import { E2E_BUILD, E2E_DIST } from './env.ts';
import { htmlFiles } from './pages.ts';

const roots = [E2E_DIST, path.join(E2E_BUILD, 'media')];

function exists(urlPath: string): boolean {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  return roots.some((root) => {
    const p = path.join(root, clean);
    return (fs.existsSync(p) && fs.statSync(p).isFile()) || fs.existsSync(path.join(p, 'index.html')) || fs.existsSync(`${p}.html`);
  });
}

function linksOf(html: string): string[] {
  const out: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.href && name !== 'link') out.push(attrs.href);
      if (name === 'link' && attrs.href && attrs.rel !== 'alternate' && attrs.rel !== 'canonical') out.push(attrs.href);
      if (attrs.src) out.push(attrs.src);
      if (attrs.srcset) out.push(...attrs.srcset.split(',').map((s) => s.trim().split(/\s+/)[0]!));
      if (attrs['data-src']) out.push(attrs['data-src']);
    },
  });
  parser.write(html);
  parser.end();
  return out;
}

it('has no broken internal links in dist/', () => {
  const broken = new Map<string, string>();
  let checked = 0;
  for (const file of htmlFiles(E2E_DIST)) {
    const pagePath = `/${path.relative(E2E_DIST, file).replace(/index\.html$/, '')}`;
    for (const link of linksOf(fs.readFileSync(file, 'utf8'))) {
      if (/^(https?:|mailto:|data:|#|javascript:)/.test(link) || link === '') continue;
      const target = new URL(link, `http://site${encodeURI(pagePath)}`).pathname;
      checked++;
      if (!exists(target)) broken.set(target, pagePath);
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect([...broken].map(([t, from]) => `${t} (linked from ${from})`).slice(0, 20)).toEqual([]);
});
