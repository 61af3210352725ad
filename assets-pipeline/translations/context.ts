// The human-readable context of a unit, the same in every format: what a CAT tool shows beside the segment.
import type { Locale } from '../../model/locales.ts';
import { artifactUrl, unitRecordCount, type Unit } from './units.ts';

/** Record ids and page URLs listed per unit; a value shared by 100k records lists the first few and a count. */
export const CONTEXT_RECORDS = 5;

export interface UnitContext {
  collections: string;
  records: string;
  urls: string;
  count: number;
}

export function unitContext(u: Unit, locale: Locale): UnitContext {
  const ids = [...u.records.values()].flat();
  const first = ids.slice(0, CONTEXT_RECORDS);
  const more = ids.length > first.length ? ` (+${ids.length - first.length} more)` : '';
  return {
    collections: [...u.records.keys()].join(' '),
    records: first.join(' ') + more,
    urls: first.map((id) => artifactUrl(locale, id)).join(' '),
    count: unitRecordCount(u),
  };
}

/** One line for tools that show only notes (translate-toolkit puts it in the PO file as a `#.` comment). */
export function contextNote(u: Unit, locale: Locale): string {
  const c = unitContext(u, locale);
  const parts = [
    `field: ${u.field.name}`,
    `collection: ${c.collections}`,
    `${c.count} record${c.count === 1 ? '' : 's'}: ${c.records}`,
    `page: ${c.urls.split(' ')[0]}`,
    u.thumbnail ? `thumbnail: ${u.thumbnail}` : '',
    `source language: ${u.sourceLang}`,
    `at most ${u.field.maxChars} characters`,
  ];
  return parts.filter(Boolean).join(' | ');
}
