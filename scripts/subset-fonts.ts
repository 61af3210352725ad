// Development-time: cuts the Latin letters of the romanizations this site's records use (pinyin with its tone
// marks, IAST for Sanskrit names such as Śākyamuni, Hepburn's long vowels) out of the two web fonts' latin-ext
// files, and writes them beside a stylesheet that declares them for the same families: site/styles/fonts/.
// One "ū" in a title made a page fetch the whole latin-ext file (Source Serif 42 KB, Inter 85 KB) and put en/fr
// pages over their 150 KB budget; these files are 8–10 KB. The glyphs, the weight axis and the layout tables are
// the fonts' own (hb-subset keeps them), so nothing changes in how the text looks. A later @font-face of a family
// is tried first for the characters in its unicode-range, so the fontsource latin-ext file is still fetched for any
// other letter it holds. The output is committed (the build needs no subsetter):
//   npx tsx scripts/subset-fonts.ts     (again after a fontsource update: the unit test names the files that moved)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { ROMANIZATION_FONTS, ROMANIZATION_LETTERS, romanizationCss } from '../site/lib/romanization-fonts.ts';

const outDir = path.resolve('site/styles/fonts');
const sources: Record<string, string> = {};
for (const font of ROMANIZATION_FONTS) {
  const source = fs.readFileSync(path.resolve('node_modules', font.source));
  const started = performance.now();
  const out = await subsetFont(source, ROMANIZATION_LETTERS, { targetFormat: 'woff2' });
  fs.writeFileSync(path.join(outDir, font.file), out);
  sources[font.file] = createHash('sha256').update(source).digest('hex');
  console.log(`${font.file}: ${source.length} B → ${out.length} B in ${Math.round(performance.now() - started)} ms`);
}
fs.writeFileSync(path.join(outDir, 'romanization.css'), romanizationCss(sources));
console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'romanization.css'))}`);
