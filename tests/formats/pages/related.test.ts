// The related-objects index: groups by the browse facets' value, the next six in build order (wrapping), the
// record itself never among them, unknown makers relating nothing, and a file per shard that holds only its
// records and the cards they show.
import { describe, expect, it } from 'vitest';
import { RELATED_PER_FIELD, RelatedIndex, relatedKeys } from '../../../formats/pages/related.ts';
import type { Artifact } from '../../../model/schema.ts';
import { minimalArtifact } from '../../fixtures/artifact.ts';

const art = (id: string, f: { type?: string; maker?: string; period?: string; places?: string[] } = {}): Artifact =>
  minimalArtifact({
    id,
    collection: 'c',
    sourceId: id,
    title: { en: `Title ${id}` },
    makers: f.maker ? [{ name: { en: f.maker } }] : [],
    objectType: f.type ? { en: f.type } : undefined,
    period: f.period ? { en: f.period } : undefined,
    places: (f.places ?? []).map((p) => ({ name: { en: p }, role: 'origin' as const })),
    media: [{ kind: 'image', path: `${id}.jpg` }],
  });

describe('RelatedIndex', () => {
  it('relates the next six of the same value in build order, wrapping, never the record itself', () => {
    const index = new RelatedIndex();
    const ids = Array.from({ length: 10 }, (_, i) => `a${i}`);
    for (const id of ids) index.add(art(id, { type: 'Bowl' }), 'c:0');
    index.add(art('lone', { type: 'Vase' }), 'c:0');
    const file = index.shardFile('c:0');
    expect(file.related.a0!.objectType).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(file.related.a8!.objectType).toEqual(['a9', 'a0', 'a1', 'a2', 'a3', 'a4']);
    expect(file.related.lone).toBeUndefined();
    for (const id of ids) {
      expect(file.related[id]!.objectType).toHaveLength(RELATED_PER_FIELD);
      expect(file.related[id]!.objectType).not.toContain(id);
    }
    expect(file.cards.a1).toEqual({ id: 'a1', collection: 'c', title: { en: 'Title a1' }, media: [{ kind: 'image', path: 'a1.jpg' }] });
  });

  // formats/vocabulary/concepts.json: the disc is "bi disc" or "disc" in English; Central Asia and India are places.
  it('uses the browse facet value: labels of one vocabulary concept are the same value, text naming none relates nothing', () => {
    expect(relatedKeys(art('x', { type: 'Bi Disc' })).objectType).toEqual(relatedKeys(art('y', { type: 'disc' })).objectType);
    const index = new RelatedIndex();
    index.add(art('x', { type: 'Bi Disc', period: 'Qing' }), 'c:0');
    index.add(art('y', { type: 'disc', period: 'Ming' }), 'c:0');
    index.add(art('z1', { type: 'reliquary casket' }), 'c:0');
    index.add(art('z2', { type: 'reliquary casket' }), 'c:0');
    const related = index.shardFile('c:0').related;
    expect(related.x).toEqual({ objectType: ['y'] });
    expect(related.z1).toBeUndefined();
  });

  it('does not relate records whose maker is unknown, merges the groups of several places, and never by the holding museum', () => {
    const index = new RelatedIndex();
    const heldBy = (a: Artifact) => ({ ...a, places: [...a.places, { name: { en: 'Musée Guimet, Paris' }, role: 'holding' as const }] });
    index.add(heldBy(art('p', { maker: 'Unidentified artist', places: ['Central Asia', 'India'] })), 'c:0');
    index.add(heldBy(art('q', { maker: 'Unidentified artist', places: ['Central Asia'] })), 'c:0');
    index.add(heldBy(art('r', { maker: 'Anonymous', places: ['India'] })), 'c:0');
    index.add(heldBy(art('s', { maker: 'Anonymous' })), 'c:0');
    const related = index.shardFile('c:0').related;
    expect(related.p).toEqual({ place: ['q', 'r'] });
    expect(related.q).toEqual({ place: ['p'] });
    expect(related.s).toBeUndefined();
  });

  it('writes each shard its own records and only the cards they show; same input, same bytes', () => {
    const build = () => {
      const index = new RelatedIndex();
      for (let i = 0; i < 4; i++) index.add(art(`a${i}`, { maker: 'Guo Xi' }), i < 2 ? 'c:0' : 'c:1');
      index.add(art('other', { maker: 'Wang Hui' }), 'c:1');
      return index;
    };
    const a = build().shardFile('c:0');
    expect(Object.keys(a.related)).toEqual(['a0', 'a1']);
    expect(Object.keys(a.cards).sort()).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(JSON.stringify(build().shardFile('c:1'))).toBe(JSON.stringify(build().shardFile('c:1')));
  });
});
