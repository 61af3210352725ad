// An artifact image's text alternative in a locale: the curator's (the collection mapping's media `alt`) where it
// exists in that locale, otherwise composed from the record in the order image-description guidelines use — what
// it is, its material and technique, its period, then what it shows (the title). Never a file name or "image":
// the title is always there, since every record has one. How many images have a written text and how many a
// composed one is counted with the translation status (formats/translations/descriptions.ts).
import { LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { simplifiedOnPage } from '../../model/han-script.ts';
import type { Artifact, LangMap, MediaRef } from '../../model/schema.ts';
import { type Localized, pick } from '../../model/text.ts';
import { translator } from '../i18n/index.ts';
import { shownText, type ShownText } from './han-display.ts';

export interface ImageDescription {
  alt: string;
  /** BCP 47 tag when the text is not in the page's language (a title that fell back, with nothing else known). */
  lang: string | undefined;
  source: 'written' | 'composed';
  /** The curator's longer description, opened from the image. */
  long: ShownText | undefined;
}

/** A field only in the page's own language: a composed sentence does not switch languages halfway. */
function own(map: LangMap | undefined, locale: Locale): string | undefined {
  const v = pick(map, locale);
  if (!v || v.fallback) return undefined;
  return shown(v, locale);
}
const shown = (v: Localized, locale: Locale) => simplifiedOnPage(v, locale) ?? v.text;

const lists = new Map<Locale, Intl.ListFormat>();
const listOf = (locale: Locale) => {
  let f = lists.get(locale);
  if (!f) lists.set(locale, (f = new Intl.ListFormat(LOCALE_TAGS[locale], { type: 'conjunction' })));
  return f;
};

const FILE_NAME = /^[^\s/\\]+\.(jpe?g|png|tiff?|webp|avif|gif|jp2)$/i;

export function describeImage(artifact: Artifact, media: MediaRef | undefined, locale: Locale): ImageDescription {
  const long = shownText(media?.description, locale);
  const written = own(media?.alt, locale);
  if (written) return { alt: written, lang: undefined, source: 'written', long };
  const t = translator(locale);
  const capital = (s: string) => (locale === 'zh' ? s : s.charAt(0).toLocaleUpperCase(LOCALE_TAGS[locale]) + s.slice(1));
  const materials = artifact.materials.map((m) => own(m, locale)).filter((m): m is string => !!m);
  const parts = [
    own(artifact.objectType, locale),
    materials.length > 0 ? listOf(locale).format(materials) : undefined,
    own(artifact.period, locale) ?? own(artifact.date?.display, locale),
  ].filter((p): p is string => !!p);
  const title = pick(artifact.title, locale);
  const titleText = title && !FILE_NAME.test(title.text.trim()) ? shown(title, locale) : undefined;
  const head = parts.length > 0 ? capital(parts.join(t('listen:alt.separator'))) : undefined;
  if (!titleText) return { alt: head ?? t('listen:alt.untitled'), lang: undefined, source: 'composed', long };
  if (!head) return { alt: titleText, lang: title?.fallback ? LOCALE_TAGS[title.lang] : undefined, source: 'composed', long };
  return { alt: t('listen:alt.composed', { parts: head, title: titleText }), lang: undefined, source: 'composed', long };
}
