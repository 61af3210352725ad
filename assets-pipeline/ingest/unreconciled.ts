// Object types, materials and places of origin whose text names no vocabulary concept (formats/vocabulary/concepts.json).
// Such a record keeps its text on its page but is in no browse facet or search filter of that field, so the curator
// is told, once per collection and field (with how many records, the first row and a few of the texts), rather than
// left to find the gap on the browse pages: adding the text as a concept's label brings the records in.
import type { Artifact } from '../../model/schema.ts';
import { originPlaces } from '../../formats/pages/card.ts';
import { reconcile } from '../../formats/vocabulary.ts';
import { namedInFull } from '../../formats/facet-values.ts';

type Field = 'objectType' | 'materials' | 'places';
const WHAT: Record<Field, string> = { objectType: 'an object type', materials: 'a material', places: 'a place of origin' };
/** Where the record is left out, and what the curator may do beyond adding a label. Search filters take a material's
 * concepts from anywhere in its text ("ink on silk" is ink and silk there), browsing only a whole concept. */
const OUTCOME: Record<Field, string> = {
  objectType: 'left out of browsing and search filters',
  materials: 'left out of browsing; split a cell naming several materials in the mapping (`split`), or',
  places: 'left out of browsing and search filters',
};
const EXAMPLES = 3;

export class UnreconciledTally {
  private readonly seen = new Map<Field, { records: number; row: number; texts: Set<string> }>();

  add(a: Pick<Artifact, 'objectType' | 'materials' | 'places'>, row: number): void {
    if (a.objectType && !reconcile('objectType', a.objectType)) this.note('objectType', row, [a.objectType]);
    const materials = a.materials.filter((m) => !namedInFull('material', m));
    if (materials.length) this.note('materials', row, materials);
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
      const what = WHAT[field];
      const examples = [...t.texts].map((s) => `"${s}"`).join(', ');
      return [
        0,
        field,
        `${t.records} record${t.records > 1 ? 's' : ''} (first at row ${t.row}) with ${what} that names no vocabulary concept (${examples}${t.records > t.texts.size ? ', …' : ''}): shown on the record page, ${OUTCOME[field]}${field === 'materials' ? '' : ';'} add the text as a label in formats/vocabulary/concepts.json`,
      ];
    });
  }
}
