// A plain-text citation in the visitor's language, built from the record (Chicago-like: maker, title, date,
// holder and number, then where it was seen online). The page address is the caller's to render: it may be
// completed in the browser (components/common/PageAddress.astro).
import type { Locale } from '../../model/locales.ts';
import type { Artifact } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';

/** The citation around the page address: `lead` ends with the separator before it, `end` closes the sentence. */
export function citationParts(a: Artifact, locale: Locale): { lead: string; end: string } {
  const maker = a.makers
    .map((m) => pickText(m.name, locale))
    .filter(Boolean)
    .join(locale === 'zh' ? '、' : ', ');
  const title = pickText(a.title, locale);
  const date = pickText(a.date?.display, locale);
  const holder = pickText(a.holder, locale);
  const number = a.identifiers[0]?.value;
  const quoted = locale === 'zh' ? `《${title}》` : locale === 'fr' ? `« ${title} »` : `“${title}”`;
  const sep = locale === 'zh' ? '，' : '. ';
  const parts = [maker, quoted, date, [holder, number].filter(Boolean).join(locale === 'zh' ? '，' : ', ')].filter(Boolean);
  return { lead: parts.join(sep) + sep, end: locale === 'zh' ? '。' : '.' };
}
