// The romanization subsets of the web fonts (made by scripts/subset-fonts.ts, committed in site/styles/fonts/):
// which letters, cut from which fontsource file, declared for which family. The descriptors match fontsource's own
// @font-face rules, so the browser treats the subset as one more face of the same family.

/** Letters outside fontsource's "latin" range that the records' romanizations use: pinyin's tone marks
 * (ā ǎ ē ě ī ǐ ō ǒ ū ǔ ǖ ǘ ǚ ǜ), IAST (ś ṣ ṛ ṝ ḷ ḹ ṃ ḥ ṅ ṭ ḍ ṇ) and Hepburn (ō ū), upper and lower case. */
export const ROMANIZATION_LETTERS = 'ĀāĒēĚěĪīǏǐŌōǑǒŪūǓǔǕǖǗǘǙǚǛǜǍǎṚṛṜṝḶḷḸḹṂṃḤḥṄṅṬṭḌḍṆṇŚśṢṣ';

export const ROMANIZATION_FONTS = [
  {
    family: 'Source Serif 4 Variable',
    weight: '200 900',
    source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-ext-wght-normal.woff2',
    file: 'source-serif-4-romanization-wght.woff2',
  },
  {
    family: 'Inter Variable',
    weight: '100 900',
    source: '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2',
    file: 'inter-romanization-wght.woff2',
  },
] as const;

/** The letters as a CSS unicode-range, consecutive code points joined (U+01CD-01DC). */
export function unicodeRange(letters: string): string {
  const points = [...new Set([...letters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    while (points[i + 1] === points[i]! + 1) i++;
    out.push(points[i] === start ? `U+${hex(start)}` : `U+${hex(start)}-${hex(points[i]!)}`);
  }
  return out.join(', ');
}

/** The stylesheet, naming the sha256 of each source file it was cut from (the unit test compares them). */
export function romanizationCss(sources: Record<string, string>): string {
  const faces = ROMANIZATION_FONTS.map(
    (f) => `/* ${f.file}: cut from ${f.source}, sha256 ${sources[f.file]} */
@font-face {
  font-family: "${f.family}";
  font-style: normal;
  font-display: swap;
  font-weight: ${f.weight};
  src: url(./${f.file}) format("woff2-variations");
  unicode-range:
    ${unicodeRange(ROMANIZATION_LETTERS)};
}
`,
  );
  return `/* Made by scripts/subset-fonts.ts (site/lib/romanization-fonts.ts): do not edit. Imported after fontsource's
   stylesheets, so these faces are tried first for their letters. */
${faces.join('\n')}`;
}
