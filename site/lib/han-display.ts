// Record text as a Chinese page shows it: in simplified characters when the record is written in traditional ones,
// with the original kept so the page can mark the conversion and show the original on request.
import type { Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import { simplifiedHan } from '../../model/han-script.ts';
import { textPiece, type TextPiece } from '../../model/text.ts';

export interface ShownText extends TextPiece {
  /** The record's own text, when `text` is its conversion to simplified characters. */
  original?: string;
}

// Titles and makers repeat on many listing pages (collections, browse, home): converting each once per build
// process keeps the conversion off the hot path of a 150k-artifact build.
const converted = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

function toSimplified(text: string): string | undefined {
  let out = converted.get(text);
  if (out === undefined) {
    out = simplifiedHan(text) ?? null;
    if (converted.size >= CACHE_LIMIT) converted.clear();
    converted.set(text, out);
  }
  return out ?? undefined;
}

/** `textPiece` for display: on zh pages, Chinese text in traditional characters comes back converted, with its
 * original. Other locales, and text that falls back to another language, are shown as written. */
export function shownText(map: LangMap | undefined, locale: Locale): ShownText | undefined {
  const piece = textPiece(map, locale);
  if (!piece || locale !== 'zh' || piece.fallback) return piece;
  const simplified = toSimplified(piece.text);
  return simplified ? { ...piece, text: simplified, original: piece.text } : piece;
}
