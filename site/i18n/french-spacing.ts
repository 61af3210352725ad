// French sets a no-break space before the high punctuation marks and inside guillemets, so that a colon or a
// question mark never starts a line: « Paysages des Song du Nord : les peintures » must not wrap before its colon.
// Keyboards type a plain space there, and curators, translators and museum exports all do. The rule (Lexique des
// règles typographiques en usage à l'Imprimerie nationale): a no-break space (U+00A0) before the colon, a narrow
// no-break space (U+202F) before ; ! ? and inside « ». Written here rather than taken from a typography library
// (richtypo-rules-fr, typographic-colon): those also add spaces where none were typed, which would touch URLs,
// times and code; this only turns a space that is there into the one that does not break.

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** A run of ordinary spaces (not the no-break ones) before a mark, or after an opening guillemet. */
const BEFORE_MARK = /[ \t]+([:;!?»])/g;
const AFTER_GUILLEMET = /«[ \t]+/g;
const BREAKABLE = /[ \t][:;!?»]|«[ \t]/;

/** French text with the spaces around its high punctuation made unbreakable; anything else left as it is. */
export function frenchSpacing(text: string): string {
  if (!/[:;!?«»]/.test(text)) return text;
  return text.replace(BEFORE_MARK, (_, mark: string) => (mark === ':' ? NBSP : NNBSP) + mark).replace(AFTER_GUILLEMET, `«${NNBSP}`);
}

/** What is not prose, in the order it is looked for: elements whose content is code, script, style or form
 * text (kept whole), comments, and any other tag with its attributes. */
const NOT_PROSE = /<(script|style|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;
/** A component the browser renders again from its props (site/components/common/island.ts: a root element with
 * `data-island`, its props in a JSON block after it): its server HTML must stay the text the props hold, or
 * hydration finds a mismatch and React throws the server's tree away. */
const ISLAND_ROOT = /^<([a-z][\w-]*)\b[^>]*\sdata-island=/i;

/** Where the element whose opening tag ends at `from` ends: after its closing tag, same-named elements nested in it
 * counted. */
function elementEnd(html: string, from: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

/** An HTML document with `frenchSpacing` applied to its text, not to its tags, attributes, scripts, code or
 * islands. */
export function frenchSpacingHtml(html: string): string {
  // Most pages need nothing (the UI strings and curated content are written with these spaces): one scan, no copy.
  if (!BREAKABLE.test(html)) return html;
  let out = '';
  let at = 0;
  NOT_PROSE.lastIndex = 0;
  for (let m = NOT_PROSE.exec(html); m; m = NOT_PROSE.exec(html)) {
    const island = ISLAND_ROOT.exec(m[0]);
    const end = island ? elementEnd(html, NOT_PROSE.lastIndex, island[1]!) : NOT_PROSE.lastIndex;
    out += frenchSpacing(html.slice(at, m.index)) + html.slice(m.index, end);
    at = NOT_PROSE.lastIndex = end;
  }
  return out + frenchSpacing(html.slice(at));
}

/** A text in the language `tag` (BCP 47) as the page shows it: French spaced as above, other languages as written. */
export const spacedFor = (tag: string, text: string): string => (tag === 'fr' || tag.startsWith('fr-') ? frenchSpacing(text) : text);
