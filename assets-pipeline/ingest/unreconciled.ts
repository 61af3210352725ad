// Object types, materials and places of origin whose text names no vocabulary concept (formats/vocabulary/concepts.json).
// Such a record keeps its text on its page but is in no browse facet or search filter of that field, so the curator
// is told, once per collection and field (with how many records, the first row and a few of the texts), rather than
// left to find the gap on the browse pages: adding the text as a concept's label brings the records in.
import type { Artifact } from '../../model/schema.ts';
import { originPlaces } from '../../formats/pages/card.ts';
import { reconcile } from '../../formats/vocabulary.ts';
import { namedInFull } from '../../formats/facet-values.ts';
import { unlistedSpelling } from '../../formats/artists.ts';

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
  /** Makers spelled in a way content/artists.yaml does not list, by artist and spelling. */
  private readonly spellings = new Map<string, { artist: string; spelling: string; records: number; row: number }>();

  add(a: Pick<Artifact, 'objectType' | 'materials' | 'places' | 'makers'>, row: number): void {
    for (const m of a.makers) {
      const unlisted = unlistedSpelling(m.name);
      if (!unlisted) continue;
      const key = `${unlisted.artist.id}\n${unlisted.spelling}`;
      const s = this.spellings.get(key) ?? { artist: unlisted.artist.id, spelling: unlisted.spelling, records: 0, row };
      s.records++;
      this.spellings.set(key, s);
    }
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

  /** One warning per field, about the whole file (row 0; the first row is in the message), and one per unlisted
   * spelling of a curated artist, at its first row: [row, field, message]. */
  warnings(): [number, string, string][] {
    const spellings = [...this.spellings.values()].map(({ artist, spelling, records, row }): [number, string, string] => [
      row,
      'makers',
      `"${spelling}" (${records} record${records > 1 ? 's, the first at this row' : ''}) is artist ${artist} by its Chinese name, but not one of its spellings: listed under the artist in browsing; add the spelling to content/artists.yaml`,
    ]);
    return [
      ...spellings,
      ...[...this.seen].map(([field, t]): [number, string, string] => {
        const what = WHAT[field];
        const examples = [...t.texts].map((s) => `"${s}"`).join(', ');
        return [
          0,
          field,
          `${t.records} record${t.records > 1 ? 's' : ''} (first at row ${t.row}) with ${what} that names no vocabulary concept (${examples}${t.records > t.texts.size ? ', …' : ''}): shown on the record page, ${OUTCOME[field]}${field === 'materials' ? '' : ';'} add the text as a label in formats/vocabulary/concepts.json`,
        ];
      }),
    ];
  }
}
