// The search benchmarks' 100 queries, shared by the static (search.ts) and Meilisearch (meilisearch.ts) benches.
// 100 mixed queries: single terms, two terms, typos, prefixes, facet filters, in zh/en/fr.
export type Q = { q: string; locale: 'zh' | 'en' | 'fr'; period?: string };
const base: Q[] = [
  { q: 'jade', locale: 'en' },
  { q: 'porcelain vase', locale: 'en' },
  { q: 'porcelian', locale: 'en' },
  { q: 'lacqu', locale: 'en' },
  { q: '青铜', locale: 'zh' },
  { q: '青銅鼎', locale: 'zh' },
  { q: '三彩', locale: 'zh' },
  { q: 'bol en jade', locale: 'fr' },
  { q: 'porcelaine', locale: 'fr' },
  { q: 'bowl', locale: 'en', period: 'ming' },
  { q: 'dragon', locale: 'en' },
  { q: 'miroir', locale: 'fr' },
  { q: 'Guo Xi', locale: 'en' },
  { q: '郭熙', locale: 'zh' },
  { q: 'blue-and-white', locale: 'en' },
  { q: 'celadon bowl', locale: 'en' },
  { q: 'ivroy', locale: 'en' },
  { q: 'twin-handled cup', locale: 'en' },
  { q: '花鸟', locale: 'zh' },
  { q: 'sceau', locale: 'fr', period: 'qing' },
];
export const queries: Q[] = Array.from({ length: 100 }, (_, i) => base[i % base.length]!).map((q, i) =>
  i < 20 ? q : { ...q, q: i % 3 === 0 ? `${q.q} ${['imperial', 'tomb', 'garden', 'temple'][i % 4]}` : q.q },
);
