// A plain-text citation in the visitor's language, built from the record (Chicago-like: maker, title, date,
// holder and number, then where it was seen online).
import type { Locale } from '../../model/locales.ts';
import type { Artifact } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';

export function citationText(a: Artifact, locale: Locale, url: string): string {
  const maker = a.makers
    .map((m) => pickText(m.name, locale))
    .filter(Boolean)
    .join(', ');
  const title = pickText(a.title, locale);
  const date = pickText(a.date?.display, locale);
  const holder = pickText(a.holder, locale);
  const number = a.identifiers[0]?.value;
  const quoted = locale === 'zh' ? `《${title}》` : locale === 'fr' ? `« ${title} »` : `“${title}”`;
  const parts = [maker, quoted, date, [holder, number].filter(Boolean).join(', '), url].filter(Boolean);
  return parts.join(locale === 'zh' ? '，' : '. ') + (locale === 'zh' ? '。' : '.');
}
