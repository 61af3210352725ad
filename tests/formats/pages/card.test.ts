// A card names the maker a museum identified. The Met lists many paintings as "Unidentified artist" followed by the
// attribution on the next line, which the import makes two makers (Travelers in a Wintry Forest, 1972.121:
// "Unidentified artist", then 傳李成 "Attributed to Li Cheng (conjecture)"): a card that named only the first maker
// would hide the attribution.
import { expect, it } from 'vitest';
import { toCard } from '../../../formats/pages/card.ts';
import { realArtifacts } from '../../assets-pipeline/search/real-records.ts';

const travelers = realArtifacts().find((a) => a.id === 'met-1972.121')!;
const unidentified = { name: { en: 'Unidentified artist' } };
const liCheng = { name: { zh: '傳李成', en: 'Attributed to Li Cheng (conjecture)' } };

it('names the identified maker, not "Unidentified artist"', () => {
  expect(toCard({ ...travelers, makers: [unidentified, liCheng] }).maker).toEqual(liCheng.name);
});

it('names the first maker when none is identified, and none when there is none', () => {
  expect(toCard({ ...travelers, makers: [unidentified, { name: { zh: '佚名' } }] }).maker).toEqual(unidentified.name);
  expect(toCard({ ...travelers, makers: [] }).maker).toBeUndefined();
});
