// Image-description coverage: per collection and locale, how many of the images the records name have the
// curator's text alternative in that locale (written) and how many get one composed from the record, and how
// many have a longer description. Part of the translation status, so the site and the CLI read one count.
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { Artifact } from '../../model/schema.ts';

export interface DescriptionCoverage {
  collection: string;
  locale: Locale;
  /** Images the records name. */
  images: number;
  /** Of those, with the curator's text alternative in this locale; the rest are composed. */
  written: number;
  composed: number;
  /** With a curator's longer description in this locale. */
  long: number;
}

/** Counts records one at a time (the status streams 150k of them); `rows()` in collection order of first sight. */
export class DescriptionCounter {
  private readonly byKey = new Map<string, DescriptionCoverage>();

  add(a: Pick<Artifact, 'collection' | 'media'>): void {
    for (const m of a.media) {
      if (m.kind !== 'image') continue;
      for (const locale of LOCALES) {
        const key = `${a.collection}\n${locale}`;
        let row = this.byKey.get(key);
        if (!row) this.byKey.set(key, (row = { collection: a.collection, locale, images: 0, written: 0, composed: 0, long: 0 }));
        row.images++;
        if (m.alt?.[locale]) row.written++;
        else row.composed++;
        if (m.description?.[locale]) row.long++;
      }
    }
  }

  rows(): DescriptionCoverage[] {
    return [...this.byKey.values()];
  }
}

/** Written against composed text alternatives per collection and locale, in collection order of first sight. */
export function descriptionCoverage(artifacts: Iterable<Pick<Artifact, 'collection' | 'media'>>): DescriptionCoverage[] {
  const counter = new DescriptionCounter();
  for (const a of artifacts) counter.add(a);
  return counter.rows();
}
