// Picking a language from a language map, with the fallback made visible to the caller.
import { FALLBACK_ORDER, LOCALE_TAGS, type Locale } from './locales.ts';
import type { LangMap } from './schema.ts';

export interface Localized {
  text: string;
  /** The language the text is really in; differs from the requested one when it fell back. */
  lang: Locale;
  fallback: boolean;
}

export function pick(map: LangMap | undefined, locale: Locale): Localized | undefined {
  if (!map) return undefined;
  for (const l of FALLBACK_ORDER[locale]) {
    const text = map[l];
    if (text) return { text, lang: l, fallback: l !== locale };
  }
  return undefined;
}

export function pickText(map: LangMap | undefined, locale: Locale): string {
  return pick(map, locale)?.text ?? '';
}

/** What markup needs to show a field: its text, and the BCP 47 `lang` to mark it with when it is not in the
 * page's language (undefined otherwise). */
export interface TextPiece {
  text: string;
  lang: string | undefined;
  fallback: boolean;
}

/** A picked text as markup needs it. */
export const pieceOf = (v: Localized): TextPiece => ({ text: v.text, lang: v.fallback ? LOCALE_TAGS[v.lang] : undefined, fallback: v.fallback });

export function textPiece(map: LangMap | undefined, locale: Locale): TextPiece | undefined {
  const v = pick(map, locale);
  return v && pieceOf(v);
}
