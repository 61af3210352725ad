// Object types and places of origin whose text names no vocabulary concept (formats/vocabulary/concepts.json).
// Such a record keeps its text on its page but is in no browse facet or search filter of that field, so the curator
// is told, once per collection and field (with how many records, the first row and a few of the texts), rather than
// left to find the gap on the browse pages: adding the text as a concept's label brings the records in.
import type { Artifact } from '../../model/schema.ts';
import { originPlaces } from '../../formats/pages/card.ts';
import { reconcile } from '../../formats/vocabulary.ts';

type Field = 'objectType' | 'places';
const EXAMPLES = 3;

export class UnreconciledTally {
  private readonly seen = new Map<Field, { records: number; row: number; texts: Set<string> }>();

  add(a: Pick<Artifact, 'objectType' | 'places'>, row: number): void {
    if (a.objectType && !reconcile('objectType', a.objectType)) this.note('objectType', row, [a.objectType]);
    const places = originPlaces(a)
      .map((p) => p.name)
      .filter((name) => !reconcile('place', name));
    if (places.length) this.note('places', row, places);
  }

  private note(field: Field, row: number, values: Artifact['places'][number]['name'][]): void {
    const t = this.seen.get(field) ?? { records: 0, row, texts: new Set<string>() };
    t.records++;
    for (const v of values) {
      const text = v.en ?? v.fr ?? v.zh;
      if (text && t.texts.size < EXAMPLES) t.texts.add(text.length > 60 ? `${text.slice(0, 59)}…` : text);
    }
    this.seen.set(field, t);
  }

  /** One warning per field, about the whole file (row 0; the first row is in the message): [row, field, message]. */
  warnings(): [number, string, string][] {
    return [...this.seen].map(([field, t]) => {
      const what = field === 'objectType' ? 'an object type' : 'a place of origin';
      const examples = [...t.texts].map((s) => `"${s}"`).join(', ');
      return [
        0,
        field,
        `${t.records} record${t.records > 1 ? 's' : ''} (first at row ${t.row}) with ${what} that names no vocabulary concept (${examples}${t.records > t.texts.size ? ', …' : ''}): shown on the record page, left out of browsing and search filters; add the text as a label in formats/vocabulary/concepts.json`,
      ];
    });
  }
}
