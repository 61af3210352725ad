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

/** An HTML document with `frenchSpacing` applied to its text, not to its tags, attributes, scripts or code. */
export function frenchSpacingHtml(html: string): string {
  // Most pages need nothing (the UI strings and curated content are written with these spaces): one scan, no copy.
  if (!BREAKABLE.test(html)) return html;
  let out = '';
  let at = 0;
  for (const m of html.matchAll(NOT_PROSE)) {
    out += frenchSpacing(html.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + frenchSpacing(html.slice(at));
}
