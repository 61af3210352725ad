// The one list of languages. Everything else (schema, routes, i18n, search) imports it.
export const LOCALES = ['zh', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';

/** BCP 47 tags used in `lang` attributes and IIIF language maps. NPM content is traditional Chinese,
 * but the UI and the field key stay `zh`; a text's own script is detected where it matters. */
export const LOCALE_TAGS: Record<Locale, string> = { zh: 'zh-Hans', en: 'en', fr: 'fr' };

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as a page in `locale` writes it ("423.3" in English, "423,3" in French, grouping as each language
 * groups): the one place displayed numbers are formatted. Formatters are kept per locale and options. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(LOCALE_TAGS[locale], options)));
  return f.format(value);
}

export const LOCALE_NAMES: Record<Locale, string> = { zh: '中文', en: 'English', fr: 'Français' };

/** When a field lacks the visitor's language, which others to show instead, in order. */
export const FALLBACK_ORDER: Record<Locale, readonly Locale[]> = {
  zh: ['zh', 'en', 'fr'],
  en: ['en', 'fr', 'zh'],
  fr: ['fr', 'en', 'zh'],
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
