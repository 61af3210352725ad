// Record text as a Chinese page shows it: in simplified characters when the record is written in traditional ones,
// with the original kept so the page can mark the conversion and show the original on request.
import type { Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import { simplifiedOnPage } from '../../model/han-script.ts';
import { pick, pieceOf, type TextPiece } from '../../model/text.ts';

export interface ShownText extends TextPiece {
  /** The record's own text, when `text` is its conversion to simplified characters. */
  original?: string;
}

/** `textPiece` for display: on zh pages, Chinese text in traditional characters comes back converted, with its
 * original. Other locales, and text that falls back to another language, are shown as written. */
export function shownText(map: LangMap | undefined, locale: Locale): ShownText | undefined {
  const v = pick(map, locale);
  if (!v) return undefined;
  const simplified = simplifiedOnPage(v, locale);
  return simplified ? { ...pieceOf(v), text: simplified, original: v.text } : pieceOf(v);
}
