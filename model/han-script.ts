// Chinese pages are in simplified characters, while records from Taiwan and Hong Kong (the National Palace
// Museum's among them) are written in traditional ones. OpenCC's tables, the ones Chinese platforms use, give
// the simplified text to show beside the original. They convert phrase by phrase, so words whose characters
// map differently in context (乾隆 stays 乾隆, not 干隆) come out right where a character table would not.
import * as OpenCC from 'opencc-js';
import type { Locale } from './locales.ts';
import type { Localized } from './text.ts';

let convert: ((text: string) => string) | undefined;

// Titles and makers repeat on many listing pages (collections, browse, home): each text is converted once per
// process, which keeps the conversion off the hot path of a 150k-artifact build.
const converted = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

/** The text in simplified characters, or undefined when it has nothing to convert (already simplified, or not
 * Chinese). */
export function simplifiedHan(text: string): string | undefined {
  let out = converted.get(text);
  if (out === undefined) {
    convert ??= OpenCC.Converter({ from: 't', to: 'cn' });
    const s = convert(text);
    out = s === text ? null : s;
    if (converted.size >= CACHE_LIMIT) converted.clear();
    converted.set(text, out);
  }
  return out ?? undefined;
}

/** What a page in `locale` shows instead of a picked text: its simplified form on a Chinese page when the text is
 * Chinese in traditional characters; undefined when the page shows it as written (other locales, a text that fell
 * back to another language, nothing to convert). */
export const simplifiedOnPage = (v: Localized, locale: Locale): string | undefined => (locale === 'zh' && v.lang === 'zh' ? simplifiedHan(v.text) : undefined);
