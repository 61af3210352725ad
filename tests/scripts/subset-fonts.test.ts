// The committed romanization subsets (scripts/subset-fonts.ts): cut from the fontsource files installed now, holding
// every letter their unicode-range claims with the weight axis kept, and declared with fontsource's own descriptors
// (otherwise the browser would not treat them as faces of the same family).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { ROMANIZATION_FONTS, ROMANIZATION_LETTERS, romanizationCss, unicodeRange } from '../../site/lib/romanization-fonts.ts';

const dir = 'site/styles/fonts';
const source = (f: (typeof ROMANIZATION_FONTS)[number]) => fs.readFileSync(path.join('node_modules', f.source));

describe('romanization font subsets', () => {
  it('are declared as made from the installed fontsource files (else: npx tsx scripts/subset-fonts.ts)', () => {
    const shas = Object.fromEntries(ROMANIZATION_FONTS.map((f) => [f.file, createHash('sha256').update(source(f)).digest('hex')]));
    expect(fs.readFileSync(path.join(dir, 'romanization.css'), 'utf8')).toBe(romanizationCss(shas));
  });

  it.each(ROMANIZATION_FONTS)('$file holds every letter of its range, on the weight axis of its source', async (f) => {
    // hb-subset turns the committed WOFF2 back into an sfnt HarfBuzz can read (keeping every letter asked for).
    const read = async (woff2: Buffer) => new Face(new Blob(await subsetFont(woff2, ROMANIZATION_LETTERS, { targetFormat: 'truetype' })), 0);
    const subset = await read(fs.readFileSync(path.join(dir, f.file)));
    const points = new Set([...ROMANIZATION_LETTERS].map((c) => c.codePointAt(0)!));
    expect(new Set(subset.collectUnicodes())).toEqual(points);
    expect(subset.getAxisInfos()).toEqual((await read(source(f))).getAxisInfos());
    expect(subset.getTableFeatureTags('GPOS')).toContain('kern');
    // The descriptors of fontsource's rule for the same file.
    const css = fs.readFileSync(path.join('node_modules', f.source.replace(/files\/.*$/, 'wght.css')), 'utf8');
    const rule = css.split('@font-face').find((r) => r.includes(path.basename(f.source)))!;
    expect(rule).toContain(`font-family: '${f.family}';`);
    expect(rule).toContain(`font-weight: ${f.weight};`);
    expect(rule).toContain('font-style: normal;');
  });

  it('writes the letters as a compact unicode-range', () => {
    expect(unicodeRange('ǎĀāǍ')).toBe('U+0100-0101, U+01CD-01CE');
    expect(unicodeRange('Ś')).toBe('U+015A');
  });
});
