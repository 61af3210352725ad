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
  // The first few ids only: a material's unit holds 100k of them.
  const first: string[] = [];
  for (const ids of u.records.values()) {
    for (const id of ids) {
      if (first.length === CONTEXT_RECORDS) break;
      first.push(id);
    }
  }
  const count = unitRecordCount(u);
  const more = count > first.length ? ` (+${count - first.length} more)` : '';
  return {
    collections: [...u.records.keys()].join(' '),
    records: first.join(' ') + more,
    urls: first.map((id) => artifactUrl(locale, id)).join(' '),
    count,
  };
}

/** One line for tools that show only notes (translate-toolkit puts it in the PO file as a `#.` comment). */
export function contextNote(u: Unit, locale: Locale, c: UnitContext = unitContext(u, locale)): string {
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
